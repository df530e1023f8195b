"""The idle stop: a Hub service that stops every student's server idle for longer than the teacher
allowed (`./lab aula --inactividad MINUTOS`). A stop removes the container, never the student's
disk: the next login starts where the student left.

Debian packages no jupyterhub-idle-culler; this is the part of it the classroom needs.
"""

import asyncio
import datetime
import json
import os
import sys

from tornado.httpclient import AsyncHTTPClient, HTTPRequest

CHECK_EVERY = 60


def parse(stamp):
    return datetime.datetime.fromisoformat(stamp.replace("Z", "+00:00")) if stamp else None


async def once(client, api, token, idle):
    headers = {"Authorization": f"token {token}"}
    reply = await client.fetch(HTTPRequest(f"{api}/users?state=ready", headers=headers))
    now = datetime.datetime.now(datetime.timezone.utc)
    for user in json.loads(reply.body):
        for name, server in (user.get("servers") or {}).items():
            last = parse(server.get("last_activity")) or parse(server.get("started"))
            if server.get("ready") and last and now - last > idle:
                path = f"{api}/users/{user['name']}/servers/{name}" if name else f"{api}/users/{user['name']}/server"
                print(f"inactividad: se para el servidor de {user['name']} (sin actividad desde {last:%H:%M} UTC)", flush=True)
                await client.fetch(HTTPRequest(path, method="DELETE", headers=headers), raise_error=False)


async def main(minutes):
    api = os.environ["JUPYTERHUB_API_URL"].rstrip("/")
    token = os.environ["JUPYTERHUB_API_TOKEN"]
    client = AsyncHTTPClient()
    idle = datetime.timedelta(minutes=minutes)
    while True:
        try:
            await once(client, api, token, idle)
        except Exception as e:  # the Hub restarting must not end the service
            print(f"inactividad: {e}", file=sys.stderr, flush=True)
        await asyncio.sleep(CHECK_EVERY)


if __name__ == "__main__":
    asyncio.run(main(float(sys.argv[1])))
