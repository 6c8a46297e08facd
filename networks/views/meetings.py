"""Placeholder: the meeting page (issue 6)."""

from django.http import HttpResponse
from django.urls import path


def meeting_detail(request, pk):
    return HttpResponse("")


urlpatterns = [path("<int:pk>/", meeting_detail, name="meeting_detail")]
