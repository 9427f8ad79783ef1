"""The workspace's three panes, arranged for the width the desk gives them.

With room for all three at their minimum (a 1,920-px desk), the queue, the open
order and the wrap-up stand side by side. Below that width (1,366 and 1,600-px
laptops) the wrap-up moves under the queue so the order keeps the width its
lines and totals need. The window's minimum is the narrow arrangement's, so it
can always shrink to a laptop screen and switch layout when it does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

#: The queue's width for reference, customer, total and status side by side.
QUEUE_COMFORTABLE_WIDTH = 440


class WorkspacePanes(QWidget):
    """Queue | order | wrap-up when wide; (queue over wrap-up) | order when narrow."""

    def __init__(
        self, queue: QWidget, order: QWidget, wrapup: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.queue, self.order, self.wrapup = queue, order, wrapup
        self.columns = QSplitter(Qt.Orientation.Horizontal, self)
        self.columns.setObjectName("mainSplitter")
        self.columns.setChildrenCollapsible(False)
        self.left = QSplitter(Qt.Orientation.Vertical, self)
        self.left.setObjectName("queueAndWrapUp")
        self.left.setChildrenCollapsible(False)
        self.left.setStretchFactor(0, 1)
        self.left.setStretchFactor(1, 0)
        #: Once the agent drags the queue/wrap-up handle, their heights are the agent's.
        self._left_moved = False
        self.left.splitterMoved.connect(self._on_left_moved)
        #: Likewise for the handles between the columns.
        self._columns_moved = False
        self.columns.splitterMoved.connect(self._on_columns_moved)
        self._wide: bool | None = None
        self._arrange(wide=False)

    @property
    def wide(self) -> bool:
        return bool(self._wide)

    def _handle(self) -> int:
        return self.columns.handleWidth()

    def wide_minimum(self) -> QSize:
        """The smallest size at which the three panes fit side by side."""
        hints = [w.minimumSizeHint() for w in (self.queue, self.order, self.wrapup)]
        # Side by side only if the queue keeps room for its main columns.
        queue = max(hints[0].width(), QUEUE_COMFORTABLE_WIDTH)
        return QSize(
            queue + hints[1].width() + hints[2].width() + 2 * self._handle(),
            max(h.height() for h in hints),
        )

    def minimumSizeHint(self) -> QSize:
        queue, order, wrapup = (
            w.minimumSizeHint() for w in (self.queue, self.order, self.wrapup)
        )
        handle = self._handle()
        return QSize(
            max(queue.width(), wrapup.width()) + order.width() + handle,
            max(queue.height() + wrapup.height() + handle, order.height()),
        )

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint().expandedTo(QSize(1300, 600))

    def _arrange(self, *, wide: bool) -> None:
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self.columns.insertWidget(0, self.queue)
            self.columns.insertWidget(1, self.order)
            self.columns.insertWidget(2, self.wrapup)
            self.left.hide()
            self.left.setParent(self)
        else:
            self.left.insertWidget(0, self.queue)
            self.left.insertWidget(1, self.wrapup)
            self.columns.insertWidget(0, self.left)
            self.columns.insertWidget(1, self.order)
            self.left.show()
        self.columns.setStretchFactor(self.columns.indexOf(self.order), 1)
        self._columns_moved = False

    def _share_width(self) -> None:
        """The order gets the spare room; the queue (and the wrap-up) a fair share."""
        width = self.width()
        queue_min = self.queue.minimumSizeHint().width()
        wrapup_min = self.wrapup.minimumSizeHint().width()
        if self.wide:
            spare = width - self.order.minimumSizeHint().width() - 2 * self._handle()
            queue = max(queue_min, min(width * 30 // 100, spare - wrapup_min))
            wrapup = max(wrapup_min, min(width * 22 // 100, spare - queue))
            self.columns.setSizes([queue, max(0, width - queue - wrapup), wrapup])
        else:
            queue = max(queue_min, wrapup_min, width * 32 // 100)
            queue = min(queue, width - self.order.minimumSizeHint().width() - self._handle())
            self.columns.setSizes([max(queue, 0), max(0, width - queue)])

    def _on_left_moved(self, _pos: int, _index: int) -> None:
        self._left_moved = True

    def _on_columns_moved(self, _pos: int, _index: int) -> None:
        self._columns_moved = True

    def _fit(self) -> None:
        self._arrange(wide=self.width() >= self.wide_minimum().width())
        self.columns.setGeometry(self.rect())
        if not self._columns_moved:
            self._share_width()
        if not self.wide and not self._left_moved:
            # The wrap-up takes the height it needs; the queue the rest.
            height = self.height()
            wrapup = min(self.wrapup.sizeHint().height(), height // 2)
            wrapup = max(wrapup, self.wrapup.minimumSizeHint().height())
            self.left.setSizes([max(0, height - wrapup), wrapup])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def event(self, event: QEvent) -> bool:
        # A pane's minimum changed (an order opened, a language came in): the
        # arrangement may have to change, and the window asks our minimum again.
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit()
            self.updateGeometry()
        return super().event(event)
