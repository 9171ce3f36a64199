"""Forms of the editors' inline corrections. Each carries the version it was read at."""

from __future__ import annotations

import re

from django import forms

from diplomacy.models import Precision
from people.models import Official

from .models import AgreementKind, Engagement

OFFICIAL_REF = re.compile(r"#(\d+)\s*$")


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class DatesMixin(forms.Form):
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    precision = forms.ChoiceField(choices=Precision.choices)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", "The end is before the start.")
        if data.get("precision") not in (None, Precision.UNKNOWN) and not start:
            self.add_error("start", "Give a start date, or set the precision to unknown.")
        return data


class EngagementForm(DatesMixin, VersionedForm):
    kind = forms.ChoiceField(choices=Engagement.Kind.choices)
    title = forms.CharField(required=False, max_length=300)
    place = forms.CharField(required=False, max_length=200, label="Place")
    place_country = forms.CharField(
        required=False,
        max_length=2,
        label="Country (ISO)",
        widget=forms.TextInput(attrs={"size": 3}),
    )
    status = forms.ChoiceField(choices=Engagement.Status.choices)
    remove = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Remove participants"
    )
    add = forms.CharField(
        required=False,
        max_length=250,
        label="Add a participant",
        help_text="Type a name and pick from the list.",
    )
    traveler = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, engagement: Engagement, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.engagement = engagement
        self.fields["remove"].choices = [
            (str(p.official_id), p.official.name)
            for p in engagement.participations.select_related("official")
        ]
        # the field order of the rendered form
        self.order_fields(
            ["kind", "title", "place", "place_country", "start", "end", "precision", "status"]
        )

    @classmethod
    def initial_for(cls, engagement: Engagement) -> dict:
        place = engagement.place
        return {
            "version": engagement.version,
            "kind": engagement.kind,
            "title": engagement.title,
            "place": place.name if place else "",
            "place_country": place.country.code if place and place.country_id else "",
            "start": engagement.start,
            "end": engagement.end,
            "precision": engagement.precision,
            "status": engagement.status,
        }

    def clean_place_country(self) -> str:
        return self.cleaned_data["place_country"].strip().upper()

    def clean_add(self) -> Official | None:
        text = self.cleaned_data["add"].strip()
        if not text:
            return None
        match = OFFICIAL_REF.search(text)
        official = None
        if match:
            official = Official.objects.filter(pk=int(match.group(1)), merged_into=None).first()
        else:
            found = list(
                Official.objects.filter(name__iexact=text, merged_into=None).order_by("pk")[:2]
            )
            official = found[0] if len(found) == 1 else None
        if official is None:
            raise forms.ValidationError(f"No single official matches “{text}”: pick from the list.")
        return official


class StopForm(DatesMixin, VersionedForm):
    place = forms.CharField(max_length=200)
    place_country = forms.CharField(
        required=False,
        max_length=2,
        label="Country (ISO)",
        widget=forms.TextInput(attrs={"size": 3}),
    )
    cancelled = forms.BooleanField(required=False, label="Called off")

    def clean_place_country(self) -> str:
        return self.cleaned_data["place_country"].strip().upper()

    @classmethod
    def initial_for(cls, stop) -> dict:
        return {
            "version": stop.version,
            "place": stop.place.name,
            "place_country": stop.place.country.code if stop.place.country_id else "",
            "start": stop.start,
            "end": stop.end,
            "precision": stop.precision,
            "cancelled": stop.cancelled,
        }


class OfficialForm(VersionedForm):
    name = forms.CharField(max_length=200)
    country = forms.CharField(
        required=False,
        max_length=2,
        label="Country (ISO)",
        widget=forms.TextInput(attrs={"size": 3}),
    )
    aliases = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Other forms of the name, one per line.",
    )
    post_title = forms.CharField(required=False, max_length=200, label="Add a post: title")
    post_country = forms.CharField(
        required=False, max_length=2, label="for (ISO)", widget=forms.TextInput(attrs={"size": 3})
    )

    def clean_country(self) -> str:
        return _country_code(self.cleaned_data["country"])

    def clean_post_country(self) -> str:
        return _country_code(self.cleaned_data["post_country"])

    def clean_aliases(self) -> list[str]:
        lines = self.cleaned_data["aliases"].splitlines()
        return list(dict.fromkeys(line.strip() for line in lines if line.strip()))


class AgreementForm(VersionedForm):
    name = forms.CharField(max_length=300)
    kind = forms.ChoiceField(choices=AgreementKind.choices, required=False)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    parties = forms.CharField(
        required=False, max_length=400, help_text="ISO codes separated by commas, e.g. US, GB, AU"
    )

    def clean_parties(self) -> list[str]:
        codes = [c.strip().upper() for c in self.cleaned_data["parties"].split(",") if c.strip()]
        return [_country_code(code) for code in dict.fromkeys(codes)]


def _country_code(value: str) -> str:
    from people.models import Country

    code = value.strip().upper()
    if code and not Country.objects.filter(code=code).exists():
        raise forms.ValidationError(f"“{code}” is not an ISO country code.")
    return code
