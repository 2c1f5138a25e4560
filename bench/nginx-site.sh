# SPDX-License-Identifier: LGPL-2.1-or-later
# Sourced by the nginx benchmarks. nginx_site DIR PORT: a 5 KiB static page in
# DIR/www and DIR/nginx.conf serving it on 127.0.0.1:PORT with one worker, every
# path under DIR, no access log.
nginx_site() {
        local dir=$1 port=$2
        mkdir -p "$dir/www"
        head -c 4096 /dev/urandom | base64 >"$dir/www/index.html"
        cat >"$dir/nginx.conf" <<CONF
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
        access_log off;
        client_body_temp_path $dir/body;
        proxy_temp_path $dir/proxy;
        fastcgi_temp_path $dir/fastcgi;
        uwsgi_temp_path $dir/uwsgi;
        scgi_temp_path $dir/scgi;
        server { listen 127.0.0.1:$port; root $dir/www; }
}
CONF
}

# wait_port PORT: until nginx answers there (up to about 10 s).
wait_port() {
        for _ in $(seq 100); do
                wrk -t1 -c1 -d1s "http://127.0.0.1:$1/index.html" >/dev/null 2>&1 && return 0
                sleep 0.1
        done
        echo "nginx did not come up" >&2
        return 1
}
