"""Placeholder: the meeting pages (issue 6)."""

from django.http import HttpResponse
from django.urls import path


def index(request):
    return HttpResponse("")


def meeting_detail(request, pk):
    return HttpResponse("")


urlpatterns = [path("", index, name="index"), path("<int:pk>/", meeting_detail, name="meeting_detail")]
