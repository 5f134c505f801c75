from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class AccordUserAdmin(UserAdmin):
    list_display = ("username", "email", "council", "member", "officer", "is_democratic_services")
    list_filter = ("council", "is_democratic_services", "is_staff", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("Council", {"fields": ("council", "member", "officer", "is_democratic_services")}),
    )
    raw_id_fields = ("member", "officer")
