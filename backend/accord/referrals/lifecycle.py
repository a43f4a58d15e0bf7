"""A referral's lifecycle: which status may follow which, and who moves it.

    sent ──> received ──> accepted ──> completed
      │          └──────> declined (a coded reason; `referred_onward` sends the next one)
      ├──> expired   (nobody received it within the pathway's time times the network's factor)
      └──> revoked   (by the sender, from sent, received or accepted: before completion)

Each status maps one to one to an HL7 FHIR Task status (`FHIR_STATUS`), so a hospital's
e-referral system can translate Accord's states without a table of its own. Anything else
is an illegal transition: 409, nothing changed."""

from enum import Enum

from accord.core.vocabulary import ReferralStatus


class Side(Enum):
    sender = "sender"
    receiver = "receiver"
    system = "system"


# status -> the statuses it may move to, and the side that moves it there.
TRANSITIONS: dict[ReferralStatus, dict[ReferralStatus, Side]] = {
    ReferralStatus.sent: {
        ReferralStatus.received: Side.receiver,
        ReferralStatus.revoked: Side.sender,
        ReferralStatus.expired: Side.system,
    },
    ReferralStatus.received: {
        ReferralStatus.accepted: Side.receiver,
        ReferralStatus.declined: Side.receiver,
        ReferralStatus.revoked: Side.sender,
    },
    ReferralStatus.accepted: {
        ReferralStatus.completed: Side.receiver,
        ReferralStatus.revoked: Side.sender,
    },
    ReferralStatus.declined: {},
    ReferralStatus.completed: {},
    ReferralStatus.revoked: {},
    ReferralStatus.expired: {},
}

FHIR_STATUS: dict[ReferralStatus, str] = {
    ReferralStatus.sent: "requested",
    ReferralStatus.received: "received",
    ReferralStatus.accepted: "accepted",
    ReferralStatus.declined: "rejected",
    ReferralStatus.completed: "completed",
    ReferralStatus.revoked: "cancelled",
    ReferralStatus.expired: "failed",
}

# Still waiting for an answer (accepted or declined): what `overdue` and the overview count.
AWAITING_ANSWER = (ReferralStatus.sent, ReferralStatus.received)
CLOSED = frozenset(status for status, moves in TRANSITIONS.items() if not moves)

# The column that records when each status was reached.
REACHED_AT: dict[ReferralStatus, str] = {
    ReferralStatus.received: "received_at",
    ReferralStatus.accepted: "accepted_at",
    ReferralStatus.declined: "declined_at",
    ReferralStatus.completed: "completed_at",
    ReferralStatus.revoked: "revoked_at",
    ReferralStatus.expired: "expired_at",
}


def side_for(current: ReferralStatus, target: ReferralStatus) -> Side | None:
    """Who may move a referral from `current` to `target`; None if nobody may."""
    return TRANSITIONS[current].get(target)
