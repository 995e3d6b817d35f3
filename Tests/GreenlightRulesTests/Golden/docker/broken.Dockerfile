# A Dockerfile with syntax problems.
COPY . /src
FROM alpine:3.20
RUNN echo hi
RUN cat <<EOF > /etc/motd
welcome
EOF
COPY --chown=app <<CONF /etc/app.conf
key = value
EOF

