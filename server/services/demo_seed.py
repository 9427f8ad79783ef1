"""A realistic demo shop: Moroccan cities, shoes and bags with variants and
upsell tiers, a team of five agents with a lead, an admin, a few hundred
orders in every state, French and Arabic templates, predefined notes."""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.attempt_policy import CallOutcome
from core.dispositions import DEFAULT_PREDEFINED_NOTES, CancelReason
from core.order_model import OrderSource
from core.order_status import OrderStatus
from core.order_transitions import Role
from core.phone_numbers import InvalidPhoneNumber, normalize_phone
from core.pricing import ArticlePhase
from core.shop_time import shop_zone
from core.wire.catalogue import (
    ArticleWire,
    CityWire,
    PredefinedNoteWire,
    SettingsWire,
    TemplateWire,
    VariantWire,
)
from core.wire.changes import ChangeEntity
from core.wire.journal import JournalEntryWire
from server.db.models_orders import JournalRow, OrderRow
from server.db.models_users import User
from server.services.catalogue import WantedLine, upsert_article, upsert_city
from server.services.change_log import append_change
from server.services.order_intake import IncomingOrder, upsert_incoming
from server.services.order_publish import publish_order
from server.services.settings_store import save_settings
from server.services.shop_texts import upsert_predefined_note, upsert_template
from server.services.users import create_team, create_user

CITIES: list[tuple[str, str, str]] = [
    ("Casablanca", "Casablanca-Settat", "30"),
    ("Rabat", "Rabat-Salé-Kénitra", "35"),
    ("Salé", "Rabat-Salé-Kénitra", "35"),
    ("Kénitra", "Rabat-Salé-Kénitra", "35"),
    ("Marrakech", "Marrakech-Safi", "40"),
    ("Safi", "Marrakech-Safi", "45"),
    ("Fès", "Fès-Meknès", "40"),
    ("Meknès", "Fès-Meknès", "40"),
    ("Tanger", "Tanger-Tétouan-Al Hoceïma", "40"),
    ("Tétouan", "Tanger-Tétouan-Al Hoceïma", "45"),
    ("Agadir", "Souss-Massa", "45"),
    ("Oujda", "Oriental", "45"),
    ("Nador", "Oriental", "50"),
    ("El Jadida", "Casablanca-Settat", "40"),
    ("Béni Mellal", "Béni Mellal-Khénifra", "45"),
    ("Mohammedia", "Casablanca-Settat", "30"),
    ("Laâyoune", "Laâyoune-Sakia El Hamra", "60"),
]
SHOE_SIZES = ["37", "38", "39", "40", "41", "42", "43"]


def _article(
    ref: str,
    name: str,
    category: str,
    price: str,
    tiers: tuple[str, ...],
    colors: list[str],
    sizes: list[str | None],
    phase: str = "active",
) -> ArticleWire:
    return ArticleWire(
        ref=ref,
        name=name,
        category=category,
        normal_price=Decimal(price),
        upsell=bool(tiers),
        upsell_prices=[Decimal(t) for t in tiers] if tiers else [None, None, None, None],
        phase=phase,
        variants=[VariantWire(color=c, size=s, stock=25) for c in colors for s in sizes],
    )


ARTICLES: list[ArticleWire] = [
    _article(
        "SAN-RIO",
        "Sandale Rio",
        "chaussures",
        "249",
        ("229", "209", "199", "189"),
        ["Noir", "Camel", "Blanc"],
        list(SHOE_SIZES),
    ),
    _article(
        "BSK-ATL",
        "Basket Atlas",
        "chaussures",
        "349",
        ("319", "299", "279", "259"),
        ["Blanc", "Noir", "Gris"],
        list(SHOE_SIZES),
    ),
    _article(
        "MOC-FES",
        "Mocassin Fès",
        "chaussures",
        "399",
        ("369", "349", "329", "309"),
        ["Marron", "Noir"],
        list(SHOE_SIZES),
    ),
    _article(
        "BAB-CUIR",
        "Babouche Cuir",
        "chaussures",
        "179",
        ("159", "149", "139", "129"),
        ["Jaune", "Rouge", "Bleu"],
        list(SHOE_SIZES),
    ),
    _article(
        "SAC-CAB",
        "Sac Cabas",
        "sacs",
        "299",
        ("279", "259", "239", "219"),
        ["Noir", "Beige", "Bordeaux"],
        [None],
    ),
    _article(
        "SAC-BDL",
        "Sac Bandoulière",
        "sacs",
        "259",
        ("239", "219", "199", "189"),
        ["Noir", "Camel"],
        [None],
    ),
    _article(
        "POC-SOIR",
        "Pochette Soirée",
        "sacs",
        "149",
        (),
        ["Doré", "Argent"],
        [None],
        phase="liquidation",
    ),
    _article(
        "SAC-TEST",
        "Sac Test Raphia",
        "sacs",
        "199",
        ("189", "179", "169", "159"),
        ["Naturel"],
        [None],
        phase="test",
    ),
]

DEMO_SHOP_NAME = "Boutique Casa Mode"

#: Surnames of the demo agents (index = agent number).
DEMO_SURNAMES = ["", "Alaoui", "Bennani", "Chraibi", "Idrissi", "Tazi"]

FIRST_NAMES = [
    "Fatima",
    "Khadija",
    "Aicha",
    "Meryem",
    "Salma",
    "Imane",
    "Houda",
    "Nadia",
    "Sanaa",
    "Hajar",
    "Mohamed",
    "Youssef",
    "Hamza",
    "Omar",
    "Karim",
    "Rachid",
    "Anas",
    "Mehdi",
    "Ayoub",
    "Soufiane",
    "Zineb",
    "Ilham",
    "Hicham",
    "Nabil",
]
LAST_NAMES = [
    "El Amrani",
    "Benali",
    "Alaoui",
    "Bennani",
    "Tazi",
    "El Idrissi",
    "Berrada",
    "Chraibi",
    "Lahlou",
    "El Fassi",
    "Ouazzani",
    "Bouzid",
    "Naciri",
    "Kettani",
    "Sebti",
    "Ait Lahcen",
    "Amrani",
    "Zouhair",
    "El Mansouri",
    "Haddad",
]
STREETS = [
    "Rue Ibn Batouta",
    "Bd Mohammed V",
    "Av. Hassan II",
    "Rue de Fès",
    "Hay Riad",
    "Quartier Maârif",
    "Bd Zerktouni",
    "Derb Sultan",
    "Rue Allal Ben Abdellah",
    "Résidence Al Amal",
    "Hay Mohammadi",
    "Av. des FAR",
]

TEMPLATES: list[TemplateWire] = [
    TemplateWire(
        code="confirmation",
        language="fr",
        channel="whatsapp",
        title="Confirmation de commande",
        body="Bonjour {customer_name}, merci pour votre commande {order_reference} : "
        "{items}. Total à payer à la livraison : {total}. Confirmez-vous "
        "l'adresse {address}, {city} ? {agent_name}, {shop_name}",
    ),
    TemplateWire(
        code="confirmation",
        language="ar",
        channel="whatsapp",
        title="تأكيد الطلب",
        body="السلام عليكم {customer_name}، شكرا على طلبكم رقم {order_reference}: "
        "{items}. المبلغ عند التسليم: {total}. هل تؤكدون العنوان {address}، "
        "{city}؟ {agent_name}",
    ),
    TemplateWire(
        code="no_answer",
        language="fr",
        channel="sms",
        title="Appel sans réponse",
        body="Bonjour {customer_name}, nous avons essayé de vous joindre pour votre "
        "commande {order_reference} ({total}). Merci de nous rappeler.",
    ),
    TemplateWire(
        code="no_answer",
        language="ar",
        channel="sms",
        title="لم يتم الرد",
        body="مرحبا {customer_name}، حاولنا الاتصال بكم بخصوص طلبكم {order_reference} "
        "({total}). المرجو معاودة الاتصال.",
    ),
    TemplateWire(
        code="callback",
        language="fr",
        channel="whatsapp",
        title="Rappel convenu",
        body="Bonjour {customer_name}, comme convenu nous vous rappellerons le "
        "{callback_time} pour la commande {order_reference}.",
    ),
    TemplateWire(
        code="callback",
        language="ar",
        channel="whatsapp",
        title="موعد الاتصال",
        body="مرحبا {customer_name}، كما اتفقنا سنتصل بكم يوم {callback_time} "
        "بخصوص الطلب {order_reference}.",
    ),
]


@dataclass
class DemoSeedResult:
    """What was created, and the passwords (printed by the CLI)."""

    created: bool
    passwords: dict[str, str] = field(default_factory=dict)
    orders: int = 0


def _phone(rng: random.Random) -> str:
    while True:
        text = "0" + rng.choice("67") + "".join(rng.choice("0123456789") for _ in range(8))
        try:
            return normalize_phone(text)
        except InvalidPhoneNumber:
            continue


def seed_demo(
    session: Session,
    now: datetime,
    *,
    password: str | None = None,
    orders: int = 300,
    rng_seed: int = 2024,
    demo: bool = False,
) -> DemoSeedResult:
    """Fill an empty database with the demo shop (does nothing if users exist).

    A given ``password`` must pass the password policy unless ``demo`` says this
    is the desktop's demo shop, whose password is documented (and weak)."""
    if session.execute(select(func.count()).select_from(User)).scalar_one():
        return DemoSeedResult(created=False)
    rng = random.Random(rng_seed)
    result = DemoSeedResult(created=True)
    team = create_team(session, "Équipe Casablanca")
    people = [
        ("admin", "Administrateur", Role.ADMIN, None),
        ("lead1", "Leïla Chef", Role.LEAD, team.id),
    ]
    people += [
        # The display name signs the agent's messages to customers: a person's
        # name, never the login.
        (f"agent{i}", f"{FIRST_NAMES[i]} {DEMO_SURNAMES[i]}", Role.AGENT, team.id)
        for i in range(1, 6)
    ]
    agents: list[User] = []
    for username, display, role, team_id in people:
        secret = password or secrets.token_urlsafe(9)
        result.passwords[username] = secret
        user = create_user(
            session,
            username=username,
            display_name=display,
            password=secret,
            role=role,
            team_id=team_id,
            now=now,
            check_password=not (demo and password),
        )
        if role == Role.AGENT:
            agents.append(user)
    settings = SettingsWire(shop_name=DEMO_SHOP_NAME)
    save_settings(session, settings)
    for name, region, fee in CITIES:
        upsert_city(session, CityWire(name=name, region=region, delivery_fee=Decimal(fee)))
    for article in ARTICLES:
        upsert_article(session, article)
    for note in DEFAULT_PREDEFINED_NOTES:
        upsert_predefined_note(
            session,
            PredefinedNoteWire(
                code=note.code,
                title=note.title,
                text=note.text,
                tags=sorted(note.tags),
                disposition=note.disposition.value if note.disposition else None,
            ),
        )
    for template in TEMPLATES:
        upsert_template(session, template)
    for index in range(orders):
        _demo_order(session, rng, index, now, agents, settings)
    result.orders = orders
    return result


#: The shop's working hours (shop time): demo agents call and close orders only then.
WORK_START_HOUR = 9
WORK_END_HOUR = 20

#: What customers can order: a test article is the shop's trial, never in an order.
ORDERABLE = [article for article in ARTICLES if article.phase != ArticlePhase.TEST.value]


def _working_time(moment: datetime, zone: ZoneInfo, rng: random.Random) -> datetime:
    """``moment`` if it falls in working hours (shop time), else the next opening."""
    local = moment.astimezone(zone)
    if local.hour < WORK_START_HOUR:
        local = local.replace(hour=WORK_START_HOUR, minute=rng.randint(0, 59))
    elif local.hour >= WORK_END_HOUR:
        local = (local + timedelta(days=1)).replace(
            hour=WORK_START_HOUR, minute=rng.randint(0, 59)
        )
    return local.astimezone(UTC)


def _last_working_time(moment: datetime, zone: ZoneInfo, rng: random.Random) -> datetime:
    """``moment`` if it falls in working hours (shop time), else the last working hour
    before it (one draw from ``rng`` when moved, as ``_working_time``)."""
    local = moment.astimezone(zone)
    if local.hour < WORK_START_HOUR:
        local = (local - timedelta(days=1)).replace(
            hour=WORK_END_HOUR - 1, minute=rng.randint(0, 59)
        )
    elif local.hour >= WORK_END_HOUR:
        local = local.replace(hour=WORK_END_HOUR - 1, minute=rng.randint(0, 59))
    return local.astimezone(UTC)


def _attempt_times(
    rng: random.Random, created: datetime, now: datetime, zone: ZoneInfo, wanted: int
) -> list[datetime]:
    """Up to ``wanted`` call starts after the order came in, in working hours, in the
    past, each at least half an hour after the previous (the shop's call gap is less)."""
    times: list[datetime] = []
    moment = created + timedelta(minutes=rng.randint(2, 240))
    for _ in range(wanted):
        moment = _working_time(moment, zone, rng)
        if moment > now - timedelta(minutes=10):
            break
        times.append(moment)
        moment += timedelta(minutes=rng.randint(30, 240))
    return times


def _journal_row(
    rng: random.Random, order: OrderRow, agent: User, started: datetime, answered: bool
) -> JournalRow:
    return JournalRow(
        id=UUID(int=rng.getrandbits(128)),
        order_id=order.id,
        agent_id=agent.id,
        channel="call",
        kind="call",
        direction="outbound",
        number=order.main_phone or "",
        started_at=started,
        ring_seconds=float(rng.randint(3, 25)),
        talk_seconds=float(rng.randint(30, 240)) if answered else 0.0,
        outcome=CallOutcome.ANSWERED.value if answered else CallOutcome.NO_ANSWER.value,
        sip_code=200 if answered else 480,
        sip_reason="OK" if answered else "Temporarily Unavailable",
        note=None,
        template=None,
        counts_as_contact=answered,
        recorded_at=started + timedelta(seconds=40),
    )


def _publish_entry(session: Session, order: OrderRow, row: JournalRow, agent: User) -> None:
    """The entry goes out in the change log as a desk's own would, so every desk
    lists the attempts its order counts."""
    wire = JournalEntryWire(
        id=row.id, order_id=row.order_id, channel=row.channel, kind=row.kind,
        direction=row.direction, number=row.number, started_at=row.started_at,
        ring_seconds=row.ring_seconds, talk_seconds=row.talk_seconds, outcome=row.outcome,
        sip_code=row.sip_code, sip_reason=row.sip_reason, agent_id=agent.id,
        agent_name=agent.display_name, counts_as_contact=row.counts_as_contact,
        recorded_at=row.recorded_at,
    )
    append_change(
        session, entity=ChangeEntity.JOURNAL, entity_id=row.id,
        payload=wire.model_dump(mode="json"), at=row.recorded_at, team_id=order.team_id,
        user_id=agent.id,
    )


def _demo_order(
    session: Session,
    rng: random.Random,
    index: int,
    now: datetime,
    agents: list[User],
    settings: SettingsWire,
) -> None:
    lines: list[WantedLine] = []
    for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
        article = rng.choice(ORDERABLE)
        variant = rng.choice(article.variants)
        lines.append(WantedLine(article.ref, rng.choice([1, 1, 1, 2]), variant.color, variant.size))
    city = rng.choice(CITIES)[0]
    created = now - timedelta(minutes=rng.randint(5, 3 * 24 * 60))
    incoming = IncomingOrder(
        reference=f"CMD-{10000 + index}",
        customer_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        phones=[_phone(rng)],
        created_at=created,
        address=f"{rng.randint(1, 200)} {rng.choice(STREETS)}",
        city=city,
        lines=lines,
        source=rng.choice([OrderSource.SHEET_IMPORT, OrderSource.WEBHOOK]),
    )
    order = upsert_incoming(session, incoming, now, None).order
    roll = rng.random()
    if roll < 0.65:
        return
    zone = shop_zone(settings.time_zone)
    cap = settings.attempt_cap
    unreachable = roll >= 0.92
    # An unreachable customer was tried up to the cap; the others answered at the last try.
    times = _attempt_times(rng, created, now, zone, cap if unreachable else rng.randint(1, 3))
    if not times:
        return  # came in after the last working hour: nobody has called yet
    agent = rng.choice(agents)
    order.owner_id = agent.id
    if unreachable and len(times) < cap:
        unreachable, roll = False, 0.9  # not tried enough yet: a callback instead
    answered_last = not unreachable
    for number, started in enumerate(times, start=1):
        row = _journal_row(rng, order, agent, started, answered_last and number == len(times))
        session.add(row)
        session.flush()
        _publish_entry(session, order, row, agent)
    # The counters are what the journal says, by the rulebook's own definitions.
    order.attempt_count = len(times)
    order.contact_count = 0 if unreachable else 1
    order.last_call_at = times[-1]
    done = min(now, times[-1] + timedelta(minutes=rng.randint(3, 8)))
    if roll < 0.78:
        order.status = OrderStatus.CONFIRMED.value
        order.closed_at, order.closed_by_id = done, agent.id
    elif roll < 0.84:
        order.status = OrderStatus.CANCELLED.value
        order.cancel_reason = rng.choice(list(CancelReason)).value
        order.closed_at, order.closed_by_id = done, agent.id
    elif not unreachable:
        order.status = OrderStatus.CALLBACK.value
        wanted = now + timedelta(minutes=rng.randint(-120, 600))
        if wanted > now:
            order.callback_at = _working_time(wanted, zone, rng)
        else:
            # Due already, whatever the hour the demo starts: a working hour in the
            # past (the next opening would put every due call-back into tomorrow at
            # night), never before the call that set it.
            order.callback_at = max(done, _last_working_time(wanted, zone, rng))
    else:
        order.status = OrderStatus.UNREACHABLE.value  # still open: no closing time
    order.version += 1
    publish_order(session, order, now, None)
