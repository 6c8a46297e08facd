"""URLs of a network's news at /news/ (namespace ``news``): the network's news, an item with its comments,
posting, editing and deleting."""

from django.urls import path

from networks.news.views import comments, items

app_name = "news"

urlpatterns = [
    path("network/<slug:slug>/", items.news_list, name="news_list"),
    path("network/<slug:slug>/new/", items.news_create, name="news_create"),
    path("<uuid:uuid>/", items.news_detail, name="news_detail"),
    path("<uuid:uuid>/edit/", items.news_edit, name="news_edit"),
    path("<uuid:uuid>/delete/", items.news_delete, name="news_delete"),
    path("<uuid:uuid>/comments/", comments.comment_add, name="comment_add"),
    path("comments/<uuid:uuid>/delete/", comments.comment_delete, name="comment_delete"),
]
