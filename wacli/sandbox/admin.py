"""The admin API (JSON over HTTP, docs/sandbox-admin.md): accounts, linking, messages,
groups, faults."""

from __future__ import annotations

import re
import time
from functools import partial
from typing import Any

import anyio
from google.protobuf import json_format

from wacli.binary import Node
from wacli.jid import JID, JIDError, parse_jid, phone_to_jid
from wacli.proto import e2e_pb2
from wacli.protocol import PairingError
from wacli.protocol.pair_qr import parse_qr
from wacli.sandbox import (
    admin_appstate,
    admin_business,
    admin_channels,
    admin_history,
    admin_privacy,
    admin_profile,
    admin_read,
    admin_status,
    calls,
    client_version,
    delivery,
    groups,
    keepalive,
    media_phone,
    media_retry_phone,
    phone_groups,
    phone_messages,
    recorder,
    reinstall,
    retry_faults,
    routing,
)
from wacli.sandbox.admin_args import account_named, body_object, phone_digits
from wacli.sandbox.admin_guard import AdminGuard
from wacli.sandbox.connection import Connection
from wacli.sandbox.http import HttpError, Request, Response, Router
from wacli.sandbox.hub import Hub, Linked, LinkError
from wacli.sandbox.phone import ENC_VERSIONS, message_text
from wacli.sandbox.stanzas import (
    SERVER_JID,
    link_code_primary_hello,
    stream_error_code,
    stream_error_conflict,
)
from wacli.sandbox.state import Account, Group, InboxEntry

CODE_FINISH_TIMEOUT = 60.0
# A frame whose flag byte is fine but whose node is not: the ``garbage`` fault.
GARBAGE_FRAME = b"\x00\xf8\xff\xff"
_LID = re.compile(r"[1-9][0-9]{5,19}")


def _text(body: dict[str, Any], key: str, default: str | None = None) -> str:
    value = body.get(key, default)
    if not isinstance(value, str):
        raise HttpError(400, f"{key!r} must be a string")
    return value


def _int(body: dict[str, Any], key: str, low: int, high: int) -> int:
    value = body.get(key)
    if isinstance(value, str) and value.isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise HttpError(400, f"{key!r} must be an integer from {low} to {high}")
    return value


def _settled(kind: str, stanza_id: str) -> dict[str, str]:
    return {"class": kind, "id": stanza_id}


def _enc_version(body: dict[str, Any]) -> int:
    """``"enc_version"`` of a send: 2 (padded, the default) or 3 (unpadded)."""
    if "enc_version" not in body:
        return 2
    version = body["enc_version"]
    if isinstance(version, bool) or version not in ENC_VERSIONS:
        raise HttpError(400, f"'enc_version' is one of {list(ENC_VERSIONS)}")
    return int(version)


def _linked(linked: Linked) -> dict[str, str]:
    return {"jid": str(linked.device), "lid": str(linked.lid), "platform": linked.platform}


class Admin:
    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def router(self, guard: AdminGuard | None = None) -> Router:
        router = Router(guard)
        router.add("POST", "/admin/accounts", self.create_account)
        router.add("GET", "/admin/accounts", self.list_accounts)
        router.add("POST", "/admin/accounts/{phone}/link", self.link)
        router.add("POST", "/admin/accounts/{phone}/send", self.send)
        router.add("GET", "/admin/accounts/{phone}/inbox", self.inbox)
        router.add("POST", "/admin/accounts/{phone}/presence", self.presence)
        router.add("POST", "/admin/accounts/{phone}/chatstate", self.chatstate)
        router.add("POST", "/admin/groups", self.create_group)
        router.add("GET", "/admin/groups/{jid}", self.group_info)
        router.add("POST", "/admin/groups/{jid}/send", self.group_send)
        router.add("POST", "/admin/groups/{jid}/participants", self.group_participants)
        router.add("POST", "/admin/groups/{jid}/subject", self.group_subject)
        router.add("GET", "/admin/accounts/{phone}/acked", self.acked)
        router.add("GET", "/admin/stats", self.stats)
        router.add("POST", "/admin/faults", self.faults)
        retry_faults.add_routes(router, self.hub)
        admin_profile.add_routes(router, self.hub)
        admin_business.add_routes(router, self.hub)
        admin_appstate.add_routes(router, self.hub)
        admin_history.add_routes(router, self.hub)
        admin_read.add_routes(router, self.hub)
        admin_status.add_routes(router, self.hub)
        admin_channels.add_routes(router, self.hub)
        media_retry_phone.add_routes(router, self.hub)
        reinstall.add_routes(router, self.hub)
        calls.add_routes(router, self.hub)
        admin_privacy.add_routes(router, self.hub)
        client_version.add_routes(router, self.hub)
        recorder.add_routes(router, self.hub)
        return router

    def _account(self, phone: str) -> Account:
        return account_named(self.hub, phone)

    def _describe(self, account: Account) -> dict[str, Any]:
        jid, lid = self.hub.jids(account)
        return {
            "jid": str(jid),
            "lid": str(lid),
            "push_name": account.push_name,
            "devices": [d for d, _ in self.hub.device_ids(account.phone)],
        }

    async def create_account(self, request: Request) -> Response:
        body = body_object(request)
        phone = phone_digits(_text(body, "phone"))
        lid = body.get("lid")
        if lid is not None and (not isinstance(lid, str) or not _LID.fullmatch(lid)):
            raise HttpError(400, "'lid' must be the digits of a LID user")
        require_token = body.get("require_token", self.hub.require_token)
        if not isinstance(require_token, bool):
            raise HttpError(400, "'require_token' must be true or false")
        try:
            account = self.hub.create_account(
                phone, _text(body, "push_name", ""), lid, require_token=require_token
            )
        except ValueError as exc:
            raise HttpError(409, str(exc)) from None
        jid, lid_jid = self.hub.jids(account)
        return Response.json({"jid": str(jid), "lid": str(lid_jid)}, 201)

    async def list_accounts(self, request: Request) -> Response:
        return Response.json([self._describe(a) for a in self.hub.state.accounts()])

    async def link(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        body = body_object(request)
        tamper = body.get("tamper", False)
        if not isinstance(tamper, bool) or not isinstance(body.get("multidevice", True), bool):
            raise HttpError(400, "'tamper' and 'multidevice' are true or false")
        try:
            if "qr" in body and body.get("multidevice", True) is False:
                await self._scanned_without_multidevice(_text(body, "qr"))
            if "qr" in body:
                linked = await self._link_qr(account, _text(body, "qr"), tamper)
            elif "code" in body:
                linked = await self._link_code(account, _text(body, "code"), tamper)
            else:
                raise HttpError(400, "give 'qr' (the QR text) or 'code' (the pairing code)")
        except LinkError as exc:
            raise HttpError(exc.status, exc.message) from None
        return Response.json(_linked(linked))

    def _scanned(self, qr_text: str) -> tuple[Connection, bytes]:
        """The companion showing the QR, and the ADV secret the QR carries."""
        try:
            qr = parse_qr(qr_text)
        except PairingError as exc:
            raise HttpError(400, f"not a pairing QR: {exc}") from None
        conn = self.hub.refs.get(qr.ref.encode())
        reg = None if conn is None else conn.registration
        if conn is None or reg is None:
            raise HttpError(404, "the QR's ref is unknown or expired")
        if qr.noise_public != reg.noise_public or qr.identity_public != reg.identity_public:
            raise HttpError(400, "the QR's keys are not those of the companion holding the ref")
        return conn, qr.adv_secret

    async def _scanned_without_multidevice(self, qr_text: str) -> None:
        """A phone without multi-device scanned the QR: the server tells the companion."""
        conn, _ = self._scanned(qr_text)
        await conn.send(Node("ib", {"from": SERVER_JID}, [Node("downgrade_webclient")]))
        raise HttpError(409, "the phone has no multi-device support (the companion was told)")

    async def _link_qr(self, account: Account, qr_text: str, tamper: bool) -> Linked:
        conn, adv_secret = self._scanned(qr_text)
        return await self.hub.link(account, conn, adv_secret, tamper=tamper)

    async def _link_code(self, account: Account, code: str, tamper: bool) -> Linked:
        conn = self.hub.companion_for_code(account.phone)
        reg = None if conn is None else conn.registration
        session = None if reg is None else reg.code
        if conn is None or session is None:
            raise HttpError(404, f"no companion waits for a pairing code for {account.phone}")
        phone = self.hub.phone(account.phone)
        try:
            session.primary = phone.accept_code(code, session.wrapped_ephemeral)
        except PairingError as exc:
            raise HttpError(400, str(exc)) from None
        await conn.send(
            link_code_primary_hello(
                session.ref, phone.identity.public, session.primary.wrapped_ephemeral
            )
        )
        with anyio.move_on_after(CODE_FINISH_TIMEOUT):
            await session.finished.wait()
        adv_secret, error = session.adv_secret, session.error
        if adv_secret is None:
            # Let the user type the code again, as on a phone.
            session.primary, session.error, session.finished = None, None, anyio.Event()
            if error is not None:
                raise HttpError(400, f"pairing failed (wrong code?): {error}")
            raise HttpError(504, "the companion did not finish the code pairing in time")
        return await self.hub.link(account, conn, adv_secret, tamper=tamper)

    def _recipient(self, text: str) -> JID:
        try:
            jid = parse_jid(text) if "@" in text else phone_to_jid(text)
        except JIDError as exc:
            raise HttpError(400, f"'to' is not a JID or phone number: {exc}") from None
        if self.hub.account_of(jid.to_non_ad()) is None:
            raise HttpError(404, f"no account {text}")
        return jid.to_non_ad()

    @staticmethod
    def _message(body: dict[str, Any]) -> e2e_pb2.Message:
        """The Message of a send request: ``text`` or ``message`` (protobuf JSON)."""
        message = e2e_pb2.Message()
        if "message" in body:
            if not isinstance(body["message"], dict):
                raise HttpError(400, "'message' must be a protobuf Message as a JSON object")
            try:
                json_format.ParseDict(body["message"], message)
            except json_format.ParseError as exc:
                raise HttpError(400, f"not a Message: {exc}") from None
        elif "text" in body:
            message.conversation = _text(body, "text")
        else:
            raise HttpError(400, "give 'text' or 'message'")
        return message

    async def send(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        body = body_object(request)
        to = self._recipient(_text(body, "to"))
        message = media_phone.admin_media(self.hub, body) or self._message(body)
        corrupt = body.get("corrupt", False)
        if not isinstance(corrupt, bool):
            raise HttpError(400, "'corrupt' is true or false")
        version = _enc_version(body)
        try:
            stanza_id = await phone_messages.phone_sends(
                self.hub, account.phone, to, message, corrupt=corrupt, version=version
            )
        except delivery.RoutingError as exc:
            raise HttpError(404, str(exc)) from None
        return Response.json({"id": stanza_id})

    # -- groups ---------------------------------------------------------------------------

    def _member(self, text: Any) -> Account:
        if not isinstance(text, str):
            raise HttpError(400, "participants are phone numbers or JIDs")
        account = groups.parse_member(self.hub, text)
        if account is None:
            raise HttpError(404, f"no account {text}")
        return account

    def _group(self, jid: str) -> Group:
        text = jid if "@" in jid else f"{jid}@g.us"
        group = self.hub.state.group(text)
        if group is None:
            raise HttpError(404, f"no group {jid}")
        return group

    async def create_group(self, request: Request) -> Response:
        body = body_object(request)
        creator = self._member(_text(body, "creator"))
        members = body.get("participants", [])
        if not isinstance(members, list):
            raise HttpError(400, "'participants' must be a list")
        accounts = [self._member(m) for m in members[: groups.MAX_GROUP_SIZE]]
        mode = _text(body, "addressing_mode", "lid")
        community = body.get("community") is True
        try:
            group = await groups.create(
                self.hub, creator, _text(body, "subject"), accounts, mode, community=community
            )
        except groups.GroupError as exc:
            raise HttpError(exc.code, str(exc)) from None
        return Response.json({"jid": group.jid}, 201)

    async def group_info(self, request: Request) -> Response:
        group = self._group(request.params["jid"])
        return Response.json(
            {
                "jid": group.jid,
                "subject": group.subject,
                "creator": group.creator,
                "creation": group.created_at,
                "addressing_mode": group.addressing_mode,
                "participants": [
                    {"phone": phone, "admin": admin or None} for phone, admin in group.participants
                ],
            }
        )

    async def group_send(self, request: Request) -> Response:
        group = self._group(request.params["jid"])
        body = body_object(request)
        sender = self._member(_text(body, "from"))
        message = media_phone.admin_media(self.hub, body) or self._message(body)
        version = _enc_version(body)
        try:
            stanza_id = await phone_groups.phone_sends_group(
                self.hub, sender.phone, group, message, version=version
            )
        except delivery.RoutingError as exc:
            raise HttpError(403, str(exc)) from None
        return Response.json({"id": stanza_id})

    async def group_participants(self, request: Request) -> Response:
        """``{"by", "action": add|remove|promote|demote, "participants": […]}``: a member's
        phone changes the group (w:gp2 notifications follow); per participant its error."""
        group = self._group(request.params["jid"])
        body = body_object(request)
        actor = self._member(_text(body, "by"))
        action = _text(body, "action")
        targets = body.get("participants")
        if action not in ("add", "remove", "promote", "demote"):
            raise HttpError(400, "'action' is add, remove, promote or demote")
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise HttpError(400, "'participants' must be a list of phone numbers or JIDs")
        try:
            results = await groups.change_participants(
                self.hub, group, actor, action, targets[: groups.MAX_GROUP_SIZE]
            )
        except groups.GroupError as exc:
            raise HttpError(exc.code, str(exc)) from None
        return Response.json(
            {"results": [{"participant": str(t), "error": code or None} for t, code in results]}
        )

    async def group_subject(self, request: Request) -> Response:
        group = self._group(request.params["jid"])
        body = body_object(request)
        actor = self._member(_text(body, "by"))
        try:
            after = await groups.set_subject(self.hub, group, actor, _text(body, "subject"))
        except groups.GroupError as exc:
            raise HttpError(exc.code, str(exc)) from None
        return Response.json({"subject": after.subject})

    async def inbox(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        entries = self.hub.state.inbox(account.phone)
        media = media_phone.inbox_media  # the phone opens each media message's file
        return Response.json([{**_entry(e), **media(self.hub, e.message)} for e in entries])

    async def presence(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        available = body_object(request).get("available")
        if not isinstance(available, bool):
            raise HttpError(400, "'available' must be true or false")
        await routing.set_presence(self.hub, account.phone, available)
        return Response.json({"available": available})

    async def chatstate(self, request: Request) -> Response:
        account = self._account(request.params["phone"])
        body = body_object(request)
        to = self._recipient(_text(body, "to"))
        state = _text(body, "state", "composing")
        if state not in ("composing", "paused"):
            raise HttpError(400, "'state' is 'composing' or 'paused'")
        media = _text(body, "media", "text")
        node = Node(state, {"media": "audio"} if state == "composing" and media == "audio" else {})
        target = self.hub.account_of(to)
        assert target is not None
        await routing.send_chatstate(self.hub, account, target, node, to.is_lid)
        return Response.json({"state": state})

    async def acked(self, request: Request) -> Response:
        """What each companion confirmed (acks, and receipts settling messages), oldest
        first, what it still owes, and whether it is logged in now; ``?device=N`` for one."""
        account = self._account(request.params["phone"])
        devices = [d for d, _ in self.hub.device_ids(account.phone) if d != 0]
        wanted = request.query.get("device")
        if wanted is not None:
            if not wanted.isdigit() or int(wanted) not in devices:
                raise HttpError(404, f"{account.phone} has no companion {wanted}")
            devices = [int(wanted)]
        answer = {}
        for device in devices:
            key = (account.phone, device)
            answer[str(device)] = {
                "online": key in self.hub.logged_in,
                "acked": [_settled(k, i) for k, i in self.hub.acked.get(key, ())],
                "pending": [_settled(k, i) for k, i in self.hub.state.queued_ids(*key)],
            }
        return Response.json(answer)

    async def stats(self, request: Request) -> Response:
        counters = dict(self.hub.stats)
        counters["acks_pending"] = self.hub.state.pending_count()
        counters["connections"] = len(self.hub.connections)
        counters["logged_in"] = len(self.hub.logged_in)
        counters["accounts"] = len(self.hub.state.accounts())
        for key in (
            "connections_total",
            "stanzas_in",
            "stanzas_out",
            "pairings",
            "logins",
            "messages_in",
            "receipts_in",
            "queued",
            "delivered",
            "acked",
        ):
            counters.setdefault(key, 0)
        return Response.json(counters)

    async def faults(self, request: Request) -> Response:
        body = body_object(request)
        if body.get("drop") == "all":
            return Response.json({"dropped": await self.hub.drop_all()})
        if "drop" in body:  # one account's devices only: the others stay connected
            conns = self.hub.connections_of(self._account(_text(body, "drop")).phone)
            for conn in conns:
                await conn.close()
            return Response.json({"dropped": len(conns)})
        if "stream_error" in body:
            kind = body["stream_error"]
            account = self._account(_text(body, "phone"))
            if kind == "conflict":
                make = stream_error_conflict
            elif isinstance(kind, str | int) and str(kind).isdigit():
                make = partial(stream_error_code, int(kind))
            else:
                raise HttpError(400, "'stream_error' is 'conflict' or a numeric code")
            return Response.json({"sent": await self.hub.stream_error_to(account.phone, make)})
        if "logout" in body:
            account = self._account(_text(body, "logout"))
            return Response.json({"removed": await self.hub.logout(account.phone)})
        if "ban" in body:
            return Response.json(await self._ban(body["ban"]))
        if "connect_failure" in body:
            spec = body["connect_failure"]
            if not isinstance(spec, dict):
                raise HttpError(400, '\'connect_failure\' is {"phone": …, "reason": 405}')
            account = self._account(_text(spec, "phone"))
            reason = _int(spec, "reason", 400, 599)
            self.hub.fail_logins(account.phone, {"reason": str(reason)}, None)
            return Response.json({"next_login_fails": reason})
        if "group_answers" in body:
            style = body["group_answers"]
            if style not in ("explicit", "plain"):
                raise HttpError(400, "'group_answers' is 'explicit' or 'plain'")
            self.hub.explicit_group_answers = style == "explicit"
            return Response.json({"group_answers": style})
        if "delay_ms" in body:
            self.hub.delay_seconds = _int(body, "delay_ms", 0, 60_000) / 1000
            return Response.json({"delay_ms": round(self.hub.delay_seconds * 1000)})
        if "ping" in body:
            account = self._account(_text(body, "ping"))
            conns = self.hub.connections_of(account.phone)
            answered = [await keepalive.ping(conn, 5.0) for conn in conns]
            return Response.json({"pinged": len(conns), "answered": sum(answered)})
        if "garbage" in body:
            account = self._account(_text(body, "garbage"))
            conns = self.hub.connections_of(account.phone)
            for conn in conns:
                await conn.send_raw(GARBAGE_FRAME)
            return Response.json({"sent": len(conns)})
        raise HttpError(400, "unknown fault; see docs/sandbox-admin.md for the supported ones")

    async def _ban(self, spec: Any) -> dict[str, Any]:
        """A temporary ban: live connections end, logins fail 402 until it expires."""
        if not isinstance(spec, dict):
            raise HttpError(400, '\'ban\' is {"phone": …, "code": 101, "expire": 3600}')
        account = self._account(_text(spec, "phone"))
        code = _int(spec, "code", 101, 106) if "code" in spec else 101
        expire = _int(spec, "expire", 1, 10**8) if "expire" in spec else 3600
        attrs = {"reason": "402", "code": str(code), "expire": str(expire)}
        self.hub.fail_logins(account.phone, attrs, time.monotonic() + expire)
        for conn in self.hub.connections_of(account.phone):
            await conn.close()
        return {"banned": account.phone, "code": code, "expire": expire}


def _entry(entry: InboxEntry) -> dict[str, Any]:
    message = e2e_pb2.Message()
    message.ParseFromString(entry.message)
    return {
        "id": entry.id,
        "from": entry.sender,
        "chat": entry.chat,
        "timestamp": entry.timestamp,
        "from_me": entry.from_me,
        "message": json_format.MessageToDict(message),
        "text": message_text(message),
    }
