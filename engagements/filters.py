"""Filters shared by the list pages (and their exports): parsed from the query string."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Self

from django import forms

from diplomacy.models import Origin


class TripFilterForm(forms.Form):
    traveler = forms.CharField(required=False, max_length=200)
    country = forms.CharField(required=False, max_length=2, help_text="ISO code, e.g. FR")
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    q = forms.CharField(required=False, max_length=200, label="Text")
    origin = forms.ChoiceField(required=False, choices=[("", "any origin"), *Origin.choices])

    def clean_country(self) -> str:
        return self.cleaned_data["country"].strip().upper()

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError("The start date is after the end date.")
        return data


@dataclass(frozen=True)
class TripFilters:
    traveler: str = ""
    country: str = ""
    start: date | None = None
    end: date | None = None
    q: str = ""
    origin: str = ""

    @classmethod
    def from_form(cls, form: TripFilterForm) -> Self:
        """The filters a valid form holds (text trimmed); no filter at all when invalid."""
        if not form.is_valid():
            return cls()
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in form.cleaned_data.items() if k in names}
        return cls(**{k: v.strip() if isinstance(v, str) else v for k, v in values.items()})


class EngagementFilterForm(TripFilterForm):
    """Engagement lists: the trip filters (traveler meaning any participant) and more."""

    official = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(required=False, choices=[("", "any kind")])
    status = forms.ChoiceField(required=False, choices=[("", "any status")])

    def __init__(self, *args, **kwargs) -> None:
        from .models import Engagement

        super().__init__(*args, **kwargs)
        self.fields["traveler"].label = "Participant"
        self.fields["kind"].choices += Engagement.Kind.choices
        self.fields["status"].choices += Engagement.Status.choices


@dataclass(frozen=True)
class EngagementFilters(TripFilters):
    official: int | None = None
    kind: str = ""
    status: str = ""
