"""Access-matrix rows of the notifications: a person's own list and settings (signed in), marking their own
notification read (nobody else's, not even an administrator's: 404), and the one-click unsubscribe, open to
anyone holding a genuine link (a mail program posts it without a session) and to nobody with a forged one."""

from tests.access_matrix.rows import POST_ONLY, SIGNED_IN, Case, Entry, row


def _member_notification(objs):
    from portal.notifications.models import Notification

    if not hasattr(objs, "member_notification"):
        objs.member_notification = Notification.objects.create(user=objs.member, kind="meetings", subject="Kokous")
    return {"uuid": objs.member_notification.uuid}


def _member_token(objs):
    from portal.notifications.unsubscribe import make_token

    return {"token": make_token(objs.member, ["meetings"])}


def _forged_token(objs):
    genuine = _member_token(objs)["token"]
    return {"token": genuine[:-3] + ("aaa" if not genuine.endswith("aaa") else "bbb")}


OWN = row(302, 404, 404, 302, 404, 404)  # the member's own notification: marked read, back to the list
ANYONE = row(200, 200, 200, 200, 200, 200)
NOBODY = row(404, 404, 404, 404, 404, 404)

GET = {
    "notifications:notification_list": Entry(SIGNED_IN, login_redirect=True),
    "notifications:notification_settings": Entry(SIGNED_IN, login_redirect=True),
    "notifications:notification_read": Entry(POST_ONLY, _member_notification),
    "notifications:notification_open": Entry(OWN, _member_notification),
    "notifications:notification_read_all": Entry(POST_ONLY),
    "notifications:unsubscribe": Entry(ANYONE, _member_token),
}

# An empty POST: the settings form with its errors; marking read goes back to the list; unsubscribing needs
# no form (the signed link is the request).
POST = {
    "notifications:notification_settings": Entry(SIGNED_IN),
    "notifications:notification_read": Entry(OWN, _member_notification),
    "notifications:notification_read_all": Entry(row(302, 302, 302, 302, 302, 302)),
    "notifications:unsubscribe": Entry(ANYONE, _member_token),
}

READ_ONLY = {"notifications:notification_list", "notifications:notification_open"}

CASES = [
    Case("notifications:unsubscribe", "a forged token", Entry(NOBODY, _forged_token)),
    Case("notifications:unsubscribe", "a forged token posted", Entry(NOBODY, _forged_token), method="post"),
]
