"""Fast tables (textual-fastdatatable, markup off): the meetings table and the entity tables."""

from __future__ import annotations

from typing import ClassVar

import pyarrow as pa
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.message import Message
from textual_fastdatatable import ArrowBackend, DataTable


def _backend(table: pa.Table, widths: list[int] | None = None) -> ArrowBackend:
    backend = ArrowBackend(table)
    backend.render_markup = False  # cells are untrusted text: never parsed as markup
    if widths and len(widths) == table.num_columns:
        backend._column_content_widths = list(widths)  # measured in the worker
    return backend


class _PassStyles:
    """A component's styles for one render pass, its Rich style computed once: the library asks for
    the header's on every line, and each time it walks the ancestors' styles."""

    __slots__ = ("_styles", "rich_style")

    def __init__(self, styles) -> None:
        self._styles = styles
        self.rich_style = styles.rich_style

    def __getattr__(self, name: str):
        return getattr(self._styles, name)


class FastTable(DataTable):
    """A row-cursor table whose whole data is swapped at once; vim keys; Tab leaves the table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "app.focus_next", "Next pane", show=False),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "cursor_table_start", "Top", show=False),
        Binding("G", "cursor_table_end", "Bottom", show=False),
        Binding("enter", "activate", "Open", show=False),
        Binding("less_than_sign", "cycle_sort(-1)", "Sort column", show=False),
        Binding("greater_than_sign", "cycle_sort(1)", "Sort column", show=False),
        Binding("r", "reverse_sort", "Reverse sort", show=False),
    ]

    class Activated(Message):
        """Enter (or a double click) on a row."""

        def __init__(self, table: FastTable, row: int) -> None:
            super().__init__()
            self.table = table
            self.row = row

        @property
        def control(self) -> FastTable:
            return self.table

    class SortRequested(Message):
        """The user asked to sort by a column (header click, < > r)."""

        def __init__(self, table: FastTable, column: int, descending: bool) -> None:
            super().__init__()
            self.table = table
            self.column = column
            self.descending = descending

        @property
        def control(self) -> FastTable:
            return self.table

    # column names (Arrow) and labels; which columns can be sorted; fixed widths by column index
    COLUMNS: tuple[tuple[str, str], ...] = ()
    SORTABLE: tuple[int, ...] = ()
    FIXED: ClassVar[dict[int, int]] = {}

    def __init__(
        self,
        columns: tuple[tuple[str, str], ...] | None = None,
        *,
        sortable: tuple[int, ...] | None = None,
        **kwargs,
    ) -> None:
        cols = columns if columns is not None else self.COLUMNS
        if sortable is not None:
            self.SORTABLE = sortable
        self.column_names = [name for name, _ in cols]
        self.column_labels = [label for _, label in cols]
        empty = pa.table({name: pa.array([], pa.string()) for name in self.column_names})
        super().__init__(
            # widths given: measuring would import pyarrow.compute and register its UDFs (~150 ms)
            backend=_backend(empty, [0] * len(self.column_names)),
            column_labels=[Text(label) for label in self.column_labels],
            cursor_type="row",
            render_markup=False,
            zebra_stripes=True,
            **kwargs,
        )
        self.sort_column: int | None = None
        self.sort_descending = True
        self._row_styles: dict[tuple[int, Style], Style] = {}

    # --- data ----------------------------------------------------------------------------------

    def replace(self, table: pa.Table, *, keep_cursor: bool = False, widths: list[int] | None = None) -> None:
        """Show new data (the columns stay); the cursor goes to the top unless kept."""
        row = self.cursor_row if keep_cursor else 0
        self.backend = _backend(table, widths)
        self._ordered_columns = None
        self._clear_caches()
        self._update_count += 1
        self._require_update_dimensions = True
        self._set_column_labels()
        self._fit_widths()
        self.check_idle()
        self.cursor_coordinate = Coordinate(max(0, min(row, table.num_rows - 1)), 0)
        if not keep_cursor:
            self.scroll_to(0, 0, animate=False)
        self.refresh()

    def append(self, table: pa.Table, widths: list[int] | None = None) -> None:
        """More rows of the same columns at the bottom (loading on demand)."""
        if table.num_rows == 0:
            return
        assert self.backend is not None
        old = list(self.backend.column_content_widths)
        combined = pa.concat_tables([self.backend.data, table.cast(self.backend.data.schema)])
        widths = [max(a, b) for a, b in zip(old, widths, strict=False)] if widths else None
        self.replace(combined, keep_cursor=True, widths=widths)

    def on_resize(self) -> None:
        self._fit_widths()
        self._ordered_columns = None
        self._clear_caches()
        self._require_update_dimensions = True
        self.check_idle()
        self.refresh(layout=True)

    def _fit_widths(self) -> None:
        """Fixed columns keep their width; the others share what is left, the widest giving way first."""
        if self.backend is None:
            return
        n = len(self.column_labels)
        measured = list(self.backend.column_content_widths) + [0] * n
        wants = {i: max(len(self.column_labels[i]) + 2, measured[i]) for i in range(n) if i not in self.FIXED}
        avail = self.size.width - 1 - sum(w + 2 for w in self.FIXED.values()) - 2 * len(wants)
        widths: dict[int, int] = dict(self.FIXED)
        if avail <= 0 or sum(wants.values()) <= avail:
            widths.update(wants)
        else:
            left = sorted(wants, key=lambda i: wants[i])
            remaining = avail
            while left:
                share = remaining // len(left)
                i = left.pop(0)
                widths[i] = max(4, min(wants[i], share))
                remaining -= widths[i]
        self._column_widths = [widths.get(i, 0) for i in range(n)]
        self._ordered_columns = None

    def _set_column_labels(self) -> None:
        labels = []
        for i, label in enumerate(self.column_labels):
            if i == self.sort_column:
                labels.append(Text(f"{label} {'▼' if self.sort_descending else '▲'}", style="bold"))
            else:
                labels.append(Text(label))
        self._column_labels = labels
        self._ordered_columns = None

    def show_sort(self, column: int | None, descending: bool) -> None:
        self.sort_column, self.sort_descending = column, descending
        self._set_column_labels()
        self._clear_caches()
        self._update_count += 1
        self._require_update_dimensions = True
        self.check_idle()
        self.refresh(layout=True)

    def row_value(self, row: int, column: int):
        if not (0 <= row < self.row_count):
            return None
        return self.get_cell_at(Coordinate(row, column))

    # --- drawing --------------------------------------------------------------------------------

    _pass_style: Style | None = None
    _pass_background: tuple | None = None
    _pass_components: dict[str, object] | None = None

    def render_lines(self, crop):
        """One render pass: the widget's style, background and component styles are computed once,
        not once or twice a line (each walks the ancestors' styles: half the paint of a new page)."""
        self._pass_style = super().rich_style
        self._pass_background = super().background_colors
        self._pass_components = {}
        try:
            return super().render_lines(crop)
        finally:
            self._pass_style = self._pass_background = self._pass_components = None

    def get_component_styles(self, *names: str):
        if self._pass_components is None or len(names) != 1:
            return super().get_component_styles(*names)
        found = self._pass_components.get(names[0])
        if found is None:
            found = self._pass_components[names[0]] = _PassStyles(super().get_component_styles(*names))
        return found

    @property
    def rich_style(self) -> Style:
        return self._pass_style if self._pass_style is not None else super().rich_style

    @property
    def background_colors(self):
        return self._pass_background if self._pass_background is not None else super().background_colors

    def _clear_caches(self) -> None:
        super()._clear_caches()
        self._row_styles = {}

    _cells_of: ArrowBackend | None = None
    _cells: dict[int, list] | None = None

    def _cell(self, row_index: int, column_index: int):
        """A cell's value: each column converted to Python once per backend (an Arrow scalar's
        `as_py()` per cell cost ~40 us, a fifth of a page's paint)."""
        if self._cells_of is not self.backend or self._cells is None:
            self._cells_of, self._cells = self.backend, {}
        column = self._cells.get(column_index)
        if column is None:
            assert self.backend is not None
            column = self._cells[column_index] = self.backend.data.column(column_index).to_pylist()
        return column[row_index]

    def _get_row_style(self, row_index: int, base_style: Style) -> Style:
        """The library asks the CSS for every row; a row's style depends only on its parity."""
        if row_index < 0 or row_index < self.fixed_rows:
            return super()._get_row_style(row_index, base_style)
        key = (row_index % 2, base_style)
        style = self._row_styles.get(key)
        if style is None:
            style = self._row_styles[key] = super()._get_row_style(row_index, base_style)
        return style

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
        in_range: bool = False,
    ):
        """Data cells drawn straight to one Segment: the library's Rich pipeline (Padding, Styled,
        render_lines) costs ~0.5 ms a cell, which made every new page of rows ~150 ms. Our cells
        are sanitized one-line strings and integers, so fitting them to the width is all it takes."""
        if row_index < 0 or column_index < 0 or self.backend is None:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover, in_range)
        key = (
            row_index,
            column_index,
            base_style,
            cursor,
            hover,
            in_range,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(key)
        if cached is not None:
            return cached
        value = self._cell(row_index, column_index)
        inner = max(0, width - 2)
        if value is None:
            text = " " * inner
        elif isinstance(value, int):
            text = str(value)[-inner:].rjust(inner) if inner else ""
        else:
            text = str(value).split("\n", 1)[0]
            if cell_len(text) > inner:
                text = set_cell_size(text, inner - 1) + "…" if inner else ""
            else:
                text = set_cell_size(text, inner)
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            row_index < self.fixed_rows or column_index < self.fixed_columns,
            hover,
            cursor,
            in_range,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_type == "range",
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        style = base_style + Style.from_meta({"row": row_index, "column": column_index})
        lines = [[Segment(f" {text} ", style + component_style + post_style)]]
        self._cell_render_cache[key] = lines
        return lines

    # --- actions --------------------------------------------------------------------------------

    def action_activate(self) -> None:
        if self.row_count:
            self.post_message(self.Activated(self, self.cursor_row))

    def action_cycle_sort(self, step: int) -> None:
        if not self.SORTABLE:
            return
        if self.sort_column in self.SORTABLE:
            i = (self.SORTABLE.index(self.sort_column) + step) % len(self.SORTABLE)
        else:
            i = 0
        self.post_message(self.SortRequested(self, self.SORTABLE[i], self.sort_descending))

    def action_reverse_sort(self) -> None:
        column = self.sort_column if self.sort_column is not None else (self.SORTABLE or (0,))[0]
        self.post_message(self.SortRequested(self, column, not self.sort_descending))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        column = event.column_index
        if column not in self.SORTABLE:
            return
        descending = not self.sort_descending if column == self.sort_column else True
        self.post_message(self.SortRequested(self, column, descending))

    def on_click(self, event: events.Click) -> None:
        if event.chain >= 2 and event.style.meta and event.style.meta.get("row", -1) >= 0:
            self.post_message(self.Activated(self, self.cursor_row))


class MeetingTable(FastTable):
    """The meetings of the current filter, one page at a time; sorting is done by the query."""

    SORTABLE = (2, 3, 4, 5, 6, 7)
    FIXED: ClassVar[dict[int, int]] = {0: 1, 1: 7, 2: 10, 6: 9, 7: 3}


class EntityTable(FastTable):
    """People, countries, organizations or topics: small tables sorted in place."""

    def __init__(self, kind: str, columns: tuple[tuple[str, str], ...], **kwargs) -> None:
        super().__init__(columns, sortable=tuple(range(len(columns))), **kwargs)
        self.kind = kind

    def sort_locally(self, column: int, descending: bool) -> None:
        self.show_sort(column, descending)
        assert self.backend is not None
        name = self.backend.data.column_names[column]
        data = self.backend.data.sort_by([(name, "descending" if descending else "ascending")])
        self.replace(data)
