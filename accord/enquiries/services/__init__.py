"""Every write to a Member's enquiry (D 6, D 4.2-4.3, N 16-17): one transaction each, notifications queued in it.

Refusals raise `AccordError` naming the paragraph; routings (complaints, the Monitoring Officer) are not errors.
"""

from accord.enquiries.services.attachments import enquiry_attachment_add
from accord.enquiries.services.burden import (
    enquiry_burden_agree,
    enquiry_burden_raise,
    enquiry_burden_review,
)
from accord.enquiries.services.case import (
    enquiry_answer,
    enquiry_assign,
    enquiry_claim,
    enquiry_close,
    enquiry_divert_to_complaints,
    enquiry_submit,
)
from accord.enquiries.services.deadlines import (
    council_closure_day_add,
    council_closure_day_remove,
    council_closure_days_apply,
    councils_calendar_check,
    enquiries_overdue_escalate,
    enquiries_reminders_send,
)
from accord.enquiries.services.disputes import (
    information_dispute_citations,
    information_dispute_council_decide,
    information_dispute_decide,
    information_dispute_dispute,
    information_dispute_open,
    information_dispute_refer_to_council,
)
from accord.enquiries.services.figures import enquiry_due_dates_restore
from accord.enquiries.services.holding_replies import enquiry_holding_reply_decide
from accord.enquiries.services.progress import (
    enquiry_chase,
    enquiry_escalate,
    enquiry_holding_reply_send,
    enquiry_member_reply,
    enquiry_reopen,
    enquiry_wait_for_member,
)
from accord.enquiries.services.retention import (
    enquiries_personal_data_remove,
    enquiry_personal_data_remove,
)

__all__ = [
    "council_closure_day_add",
    "council_closure_day_remove",
    "council_closure_days_apply",
    "councils_calendar_check",
    "enquiries_overdue_escalate",
    "enquiries_personal_data_remove",
    "enquiries_reminders_send",
    "enquiry_answer",
    "enquiry_assign",
    "enquiry_attachment_add",
    "enquiry_burden_agree",
    "enquiry_burden_raise",
    "enquiry_burden_review",
    "enquiry_chase",
    "enquiry_claim",
    "enquiry_close",
    "enquiry_divert_to_complaints",
    "enquiry_due_dates_restore",
    "enquiry_escalate",
    "enquiry_holding_reply_decide",
    "enquiry_holding_reply_send",
    "enquiry_member_reply",
    "enquiry_personal_data_remove",
    "enquiry_reopen",
    "enquiry_submit",
    "enquiry_wait_for_member",
    "information_dispute_citations",
    "information_dispute_council_decide",
    "information_dispute_decide",
    "information_dispute_dispute",
    "information_dispute_open",
    "information_dispute_refer_to_council",
]
