"""Reading the map page's HTML: the SVG's nodes (links with titles), its lines, and the tables' rows."""

from html.parser import HTMLParser


class MapPage(HTMLParser):
    """Collects the map SVG's structure and the tables' rows of a page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.svgs: list[dict] = []
        self.rows: dict[str, list[list[str]]] = {}
        self._stack: list[str] = []
        self._title: list[str] | None = None
        self._node: dict | None = None
        self._row: list[str] | None = None
        self._row_class = ""
        self._cell: list[str] | None = None
        self._width = 0.0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._stack.append(tag)
        if tag == "svg" and "trust-map" in (attrs.get("class") or ""):
            self.svgs.append({"attrs": attrs, "titles": [], "nodes": [], "lines": [], "labels": 0})
        svg = self.svgs[-1] if self.svgs and "svg" in self._stack else None
        if svg is not None:
            if tag == "a":
                self._node = {"href": attrs.get("href"), "title": ""}
            elif tag == "title":
                self._title = []
            elif tag == "g" and "stroke-width" in attrs:
                self._width = float(attrs["stroke-width"])
            elif tag == "line":
                svg["lines"].append({**attrs, "width": self._width})
            elif tag == "text":
                svg["labels"] += 1
        if tag == "tr":
            self._row, self._row_class = [], attrs.get("class") or ""
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "title" and self._title is not None:
            text = "".join(self._title).strip()
            if self._node is not None:
                self._node["title"] = text
            else:
                self.svgs[-1]["titles"].append(text)
            self._title = None
        elif tag == "a" and self._node is not None and "svg" in self._stack:
            self.svgs[-1]["nodes"].append(self._node)
            self._node = None
        elif tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.setdefault(self._row_class, []).append(self._row)
            self._row = None
        while self._stack:
            if self._stack.pop() == tag:
                break

    def handle_data(self, data):
        if self._title is not None:
            self._title.append(data)
        if self._cell is not None:
            self._cell.append(data)
