#!/usr/bin/env python3
"""A small, fast HTTP/1.1 server for the probe benchmark (standard library only).

Listens on 127.0.0.1 (port 0 = any free port, printed on the first line of stdout), answers
every request with a fixed JSON body, keeps connections alive, and exits by itself after
--lifetime seconds. Loopback only; nothing else is contacted.
"""
import argparse
import asyncio
import sys

BODY = b'{"status":"ok","checks":[{"name":"db","healthy":true}]}'
RESPONSE = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(BODY)).encode() + b"\r\n\r\n" + BODY)


async def serve(reader, writer):
    try:
        for _ in range(1_000_000):
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            if length:
                await reader.readexactly(length)
            writer.write(RESPONSE)
            await writer.drain()
            if b"connection: close" in head.lower():
                break
    except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main(port, lifetime):
    server = await asyncio.start_server(serve, "127.0.0.1", port, backlog=256)
    print(server.sockets[0].getsockname()[1], flush=True)
    await asyncio.sleep(lifetime)
    server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--lifetime", type=float, default=300)
    arguments = parser.parse_args()
    try:
        asyncio.run(main(arguments.port, arguments.lifetime))
    except KeyboardInterrupt:
        sys.exit(0)
