"""Which template and language a message to a customer starts from."""

from core.message_choice import customer_language, preferred_template_codes
from core.order_status import OrderStatus


def test_the_template_follows_the_order_state() -> None:
    assert preferred_template_codes(OrderStatus.UNASSIGNED, 0, 0)[0] == "confirmation"
    assert preferred_template_codes(OrderStatus.CALLBACK, 1, 1)[0] == "callback"
    assert preferred_template_codes(OrderStatus.UNREACHABLE, 4, 0)[0] == "no_answer"
    assert preferred_template_codes(OrderStatus.IN_PROGRESS, 2, 0)[0] == "no_answer"
    assert preferred_template_codes(OrderStatus.IN_PROGRESS, 2, 1)[0] == "confirmation"
    assert preferred_template_codes(OrderStatus.CONFIRMED, 1, 1)[0] == "confirmed"


def test_the_language_follows_the_script_the_customer_wrote_in() -> None:
    assert customer_language(["Youssef Tazi", "Bd Zerktouni"]) == "fr"
    assert customer_language(["يوسف", "Casablanca"]) == "ar"
    assert customer_language(["Youssef", "حي المحمدي"]) == "ar"
    assert customer_language(["Youssef"], default="ar") == "ar"
    assert customer_language(["Youssef"], default="xx") == "fr"
