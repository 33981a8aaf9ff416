"""An independent ActivityPub server for @imago/activitypub's tests.

One actor, served by fediverse-pasture's BlueprintForActors (WebFinger, the actor document, an
inbox that refuses a request whose HTTP signature bovine cannot verify with the sender's key),
and bovine's BovineActor to send signed activities. The tests drive it through a few control
endpoints on the same loopback port:

  GET  /_peer/health           {"actor": ACTOR_ID}
  GET  /_peer/inbox            the activities its inbox accepted (signature verified), in order
  POST /_peer/send             {"inbox": URL, "activity": {...}} -> signed POST, {"status", "body"}
  PUT  /_peer/objects/NAME     store a JSON object, served at GET /objects/NAME

JSON-LD contexts come only from the directory given by --contexts (written into bovine's
context cache at start); any other context URL is refused, so the peer never reaches the network.
"""

import argparse
import asyncio
import json
import logging
import os

import aiohttp
from pyld import jsonld

import bovine.jsonld
from bovine.jsonld.cache import JsonLDCache
from fediverse_pasture.data_provider import DataProvider, bovine_actor_for_actor_data
from fediverse_pasture.server import BlueprintForActors
from quart import Quart, request

logger = logging.getLogger("activitypub-peer")


def load_contexts(directory):
    with open(os.path.join(directory, "index.json")) as fp:
        index = json.load(fp)
    contexts = {}
    for url, name in index.items():
        with open(os.path.join(directory, name)) as fp:
            contexts[url] = json.load(fp)["@context"]
    return contexts


def install_offline_contexts(contexts):
    """Pre-fills bovine's context cache and refuses every other context URL."""
    cache = JsonLDCache()
    for url, context in contexts.items():
        if cache.retrieve(url) is None:
            cache.add(url, context)
    bovine.jsonld.jsonld_cache = cache

    def loader(url, options=None, **kwargs):
        key = url.rstrip("#")
        context = contexts.get(key) or cache.retrieve(key)
        if context is None:
            raise jsonld.JsonLdError(
                "the peer is offline: unknown JSON-LD context",
                "jsonld.LoadDocumentError",
                {"url": url},
                code="loading remote context failed",
            )
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": {"@context": context},
        }

    jsonld.set_document_loader(loader)


def load_actor():
    """The actor's keys persist in data.toml of the instance directory."""
    try:
        provider = DataProvider.load()
    except Exception:
        provider = DataProvider.generate(with_possible_actors=False)
        provider.save()
    actor = provider.one_actor
    actor.requires_signed_post_for_inbox = True
    return actor


def create_app(port):
    actor_data = load_actor()
    base = f"http://127.0.0.1:{port}"
    actor_id = f"{base}/actor"
    received = []
    objects = {}

    async def on_inbox(data):
        received.append(data)

    app = Quart(__name__)
    app.register_blueprint(BlueprintForActors(actors=[actor_data], on_inbox=on_inbox).blueprint)

    @app.get("/_peer/health")
    async def health():
        return {"actor": actor_id}

    @app.get("/_peer/inbox")
    async def inbox():
        return {"items": received}

    @app.put("/_peer/objects/<name>")
    async def put_object(name):
        objects[name] = await request.get_json()
        return {"id": f"{base}/objects/{name}"}

    @app.get("/objects/<name>")
    async def get_object(name):
        if name not in objects:
            return "not found", 404
        return json.dumps(objects[name]), 200, {"content-type": "application/activity+json"}

    @app.post("/_peer/send")
    async def send():
        order = await request.get_json()
        sender, _ = bovine_actor_for_actor_data(actor_id, actor_data)
        async with aiohttp.ClientSession() as session:
            await sender.init(session=session)
            response = await sender.client.post(order["inbox"], json.dumps(order["activity"]))
            body = await response.text()
        return {"status": response.status, "body": body}

    return app


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--contexts", required=True)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    install_offline_contexts(load_contexts(args.contexts))
    app = create_app(args.port)
    asyncio.run(app.run_task(host="127.0.0.1", port=args.port))


if __name__ == "__main__":
    main()
