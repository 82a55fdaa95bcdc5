"""A slow mobile link in front of a local server, for the whole browser: the page, its
subresources and the service worker's own downloads. DevTools' network throttling slows only
the page's requests, never the worker's, so a time-to-offline measured with it would leave out
exactly the part that matters.

It is a TCP proxy on loopback. Every chunk of bytes, each way, waits its turn on one link of
`kbps` shared by all connections (as a phone's one radio is), then half the round trip of
propagation; opening a connection costs one round trip (the handshake). So 400 kbps and 400 ms
behave like DevTools' slow 3G, for every request the browser makes."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

CHUNK = 1460   # about one TCP segment: bytes are released as they would arrive


class _Direction:
    """One way of the link: when each chunk has crossed it."""

    def __init__(self, bytes_per_second: float, delay: float):
        self.rate = bytes_per_second
        self.delay = delay
        self.free_at = 0.0

    def arrival(self, size: int, now: float) -> float:
        start = max(now, self.free_at)
        self.free_at = start + size / self.rate
        return self.free_at + self.delay


class _Proxy:
    """The proxy itself, in the process of its own that SlowLink starts (in the bench's process
    it would wait for the GIL behind the server's threads, and slow the link unevenly)."""

    def __init__(self, target_port: int, kbps: float, rtt_ms: float):
        self.target = target_port
        self.rtt = rtt_ms / 1000
        rate = kbps * 1000 / 8
        self.down = _Direction(rate, self.rtt / 2)
        self.up = _Direction(rate, self.rtt / 2)

    async def serve(self) -> None:
        server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        print(server.sockets[0].getsockname()[1], flush=True)
        async with server:
            await server.serve_forever()

    async def _connection(self, client_reader, client_writer) -> None:
        loop = asyncio.get_running_loop()
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            client_writer.close()
            return
        opened = loop.time() + self.rtt      # the handshake's round trip
        await asyncio.gather(self._pipe(client_reader, server_writer, self.up, opened),
                             self._pipe(server_reader, client_writer, self.down, opened),
                             return_exceptions=True)

    async def _pipe(self, reader, writer, direction: _Direction, opened: float) -> None:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue = asyncio.Queue()

        async def deliver():
            while True:
                at, data = await queue.get()
                await asyncio.sleep(max(0.0, at - loop.time()))
                if data is None:
                    break
                writer.write(data)
                await writer.drain()

        delivering = asyncio.ensure_future(deliver())
        try:
            while data := await reader.read(CHUNK):
                # Arrival times only grow (one link, one delay), so the queue keeps the order.
                queue.put_nowait((direction.arrival(len(data), max(loop.time(), opened)), data))
        except (ConnectionError, OSError):
            pass
        queue.put_nowait((direction.free_at + direction.delay, None))
        try:
            await delivering
        except (ConnectionError, OSError):
            pass
        finally:
            try:
                writer.close()
            except (ConnectionError, OSError, RuntimeError):
                pass


class SlowLink:
    """`SlowLink(port, kbps=400, rtt_ms=400)`: a proxy at `self.url` in front of `port` on
    127.0.0.1, in a process of its own; `stop()` ends it."""

    def __init__(self, target_port: int, kbps: float = 400, rtt_ms: float = 400):
        self._process = subprocess.Popen(
            [sys.executable, "-m", "bench.slowlink", str(target_port), str(kbps), str(rtt_ms)],
            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parent.parent)
        line = self._process.stdout.readline()
        if not line.strip().isdigit():
            self.stop()
            raise RuntimeError(f"the slow link did not start: {line!r}")
        self.port = int(line)
        self.url = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            self._process.wait(10)
        self._process.stdout.close()


if __name__ == "__main__":
    target, kbps, rtt = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    try:
        asyncio.run(_Proxy(target, kbps, rtt).serve())
    except KeyboardInterrupt:
        pass
