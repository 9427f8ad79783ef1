"""The Reports tab: pick days, run, read three tables, export each as CSV.

An admin also picks the team (or every team) and the figures follow the
choice; a lead is offered no choice — the server scopes a lead's reports to
their own team whatever the desk asks.

Work runs through ``OperationRunner``; the tab never blocks on the network.
Figures that partly came from the note classifier carry a star and the tab
says which model produced them.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QDate, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.operations import OperationRunner
from app.wallboard.reports_client import ReportBundle, ReportQuery, ReportsClient
from core.dispositions import OutcomeClass
from core.order_transitions import Role
from core.wire.auth import TeamInfo
from ui.reports.report_table_model import ColumnKind, ReportColumn, ReportTableModel


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsTab", text)


class ReportsDialogs(Protocol):
    """Questions the tab asks; tests pass an object answering at once."""

    def save_path(self, parent: QWidget, suggested_name: str) -> Path | None: ...

    def show_error(self, parent: QWidget, message: str) -> None: ...


class QtReportsDialogs:
    """The real file dialog and message box."""

    def save_path(self, parent: QWidget, suggested_name: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, _tr("Export CSV"), suggested_name, _tr("CSV files (*.csv)")
        )
        return Path(name) if name else None

    def show_error(self, parent: QWidget, message: str) -> None:
        QMessageBox.warning(parent, _tr("Reports"), message)


def agent_hour_columns() -> list[ReportColumn]:
    return [
        ReportColumn("agent", _tr("Agent"), ColumnKind.TEXT),
        ReportColumn("day", _tr("Day"), ColumnKind.TEXT),
        ReportColumn("hour", _tr("Hour"), ColumnKind.TEXT),
        ReportColumn("calls", _tr("Calls")),
        ReportColumn("orders_contacted", _tr("Orders contacted")),
        ReportColumn("orders_closed", _tr("Orders closed")),
        ReportColumn("confirmed", _tr("Confirmed")),
        ReportColumn("conversion", _tr("Conversion"), ColumnKind.RATIO),
        ReportColumn("talk_seconds", _tr("Talk time"), ColumnKind.SECONDS),
        ReportColumn("average_handling_seconds", _tr("Avg handling time"), ColumnKind.SECONDS),
    ]


def outcome_columns() -> list[ReportColumn]:
    labels = {
        OutcomeClass.POSITIVE: _tr("Positive"),
        OutcomeClass.NEGATIVE: _tr("Negative"),
        OutcomeClass.PARTIAL: _tr("Partial"),
        OutcomeClass.UNCLASSIFIED: _tr("Unclassified"),
    }
    columns = [ReportColumn("agent", _tr("Agent"), ColumnKind.TEXT),
               ReportColumn("orders", _tr("Orders worked"))]
    for outcome, label in labels.items():
        columns.append(
            ReportColumn(outcome.value, label, classifier_key=f"{outcome.value}_from_classifier")
        )
    return columns


def cancel_reason_columns() -> list[ReportColumn]:
    return [ReportColumn("label", _tr("Reason"), ColumnKind.TEXT),
            ReportColumn("count", _tr("Cancellations"))]


class ReportsTab(QWidget):
    """Date range, three report tables and their CSV exports."""

    #: Emitted when a report was shown (tests wait on it).
    reportShown = Signal()
    #: Emitted with the path of a written CSV file.
    csvExported = Signal(str)
    #: Emitted once an admin's team picker is filled.
    teamsLoaded = Signal()

    def __init__(
        self,
        client: ReportsClient,
        runner: OperationRunner,
        dialogs: ReportsDialogs | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        role: str = Role.LEAD.value,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._runner = runner
        self._dialogs: ReportsDialogs = dialogs or QtReportsDialogs()
        self._team_id: int | None = None
        self._last_query: ReportQuery | None = None
        self._generation = 0
        today = today or date.today()

        layout = QVBoxLayout(self)
        controls = QHBoxLayout()
        self.from_edit = self._date_edit(today - timedelta(days=6))
        self.to_edit = self._date_edit(today)
        self.classify_box = QCheckBox(self.tr("Classify free-text notes (if an admin enabled it)"))
        self.run_button = QPushButton(self.tr("Show"))
        self.run_button.clicked.connect(self.run_report)
        self.team_box = QComboBox()
        self.team_box.addItem(self.tr("All teams"), None)
        self.team_box.setEnabled(False)  # until the teams are in
        self.team_box.currentIndexChanged.connect(self._team_chosen)
        self._team_label = QLabel(self.tr("Team"))
        is_admin = role == Role.ADMIN.value
        self.team_box.setVisible(is_admin)
        self._team_label.setVisible(is_admin)
        controls.addWidget(self._team_label)
        controls.addWidget(self.team_box)
        controls.addWidget(QLabel(self.tr("From")))
        controls.addWidget(self.from_edit)
        controls.addWidget(QLabel(self.tr("to")))
        controls.addWidget(self.to_edit)
        controls.addWidget(self.classify_box)
        controls.addStretch(1)
        controls.addWidget(self.run_button)
        layout.addLayout(controls)

        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)

        self.tabs = QTabWidget()
        self.hours_model = ReportTableModel(agent_hour_columns(), self)
        self.outcomes_model = ReportTableModel(outcome_columns(), self)
        self.reasons_model = ReportTableModel(cancel_reason_columns(), self)
        self.export_buttons: dict[str, QPushButton] = {}
        for kind, model, title in (
            ("agent-hours", self.hours_model, self.tr("Agents × hours")),
            ("outcomes", self.outcomes_model, self.tr("Outcomes")),
            ("cancel-reasons", self.reasons_model, self.tr("Cancel reasons")),
        ):
            self.tabs.addTab(self._report_page(kind, model), title)
        layout.addWidget(self.tabs, 1)
        if is_admin:
            self._runner.run(self._client.teams, self._teams_loaded, self._teams_failed)

    def set_team_id(self, team_id: int | None) -> None:
        """Admins: one team (None: every team). Leads always get their own."""
        self._team_id = team_id

    def _teams_loaded(self, teams: list[TeamInfo]) -> None:
        self.team_box.blockSignals(True)
        for team in teams:
            self.team_box.addItem(team.name, team.id)
        self.team_box.blockSignals(False)
        self.team_box.setEnabled(True)
        self.teamsLoaded.emit()

    def _teams_failed(self, error: Exception) -> None:
        # Every team's figures stay available; only the choice is missing.
        self.status_label.setText(
            self.tr("The list of teams could not be read: {message}").format(
                message=str(getattr(error, "message", error))
            )
        )

    @Slot(int)
    def _team_chosen(self, index: int) -> None:
        team_id = self.team_box.itemData(index)
        self.set_team_id(None if team_id is None else int(team_id))
        if self._last_query is not None:
            self.run_report()  # the figures follow the chosen team

    @staticmethod
    def _date_edit(value: date) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _report_page(self, kind: str, model: ReportTableModel) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.verticalHeader().setVisible(False)
        layout.addWidget(view)
        button = QPushButton(self.tr("Export CSV…"))
        button.setEnabled(False)
        button.clicked.connect(lambda: self.export_csv(kind))
        self.export_buttons[kind] = button
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
        return page

    def query(self) -> ReportQuery:
        first_q, last_q = self.from_edit.date(), self.to_edit.date()
        first = date(first_q.year(), first_q.month(), first_q.day())
        last = date(last_q.year(), last_q.month(), last_q.day())
        return ReportQuery(first, last, self._team_id, classify=self.classify_box.isChecked())

    @Slot()
    def run_report(self) -> None:
        query = self.query()
        if query.last < query.first:
            self.status_label.setText(self.tr("The last day comes before the first."))
            return
        self.run_button.setEnabled(False)
        self.status_label.setText(self.tr("Loading…"))
        # A newer run (another team picked meanwhile) wins over answers still on the way.
        self._generation += 1
        generation = self._generation
        self._runner.run(
            lambda: self._client.fetch(query),
            lambda bundle: self._show(query, bundle) if generation == self._generation else None,
            lambda error: self._failed(error) if generation == self._generation else None,
        )

    def _show(self, query: ReportQuery, bundle: ReportBundle) -> None:
        self._last_query = query
        self.run_button.setEnabled(True)
        hours = bundle.agent_hours
        slots = list(hours.get("slots", []))
        agent_totals = [{**row, "day": self.tr("all days"), "hour": ""}
                        for row in hours.get("agents", [])]
        total = {**hours.get("total", {}), "agent": self.tr("Total"), "day": "", "hour": ""}
        rows = slots + agent_totals + [total]
        self.hours_model.set_rows(
            [{**row, "hour": self._hour_text(row.get("hour"))} for row in rows],
            set(range(len(slots), len(rows))),
        )
        outcomes = bundle.outcomes
        outcome_rows = list(outcomes.get("agents", []))
        outcome_rows.append({**outcomes.get("total", {}), "agent": self.tr("Total")})
        self.outcomes_model.set_rows(outcome_rows, {len(outcome_rows) - 1})
        self.reasons_model.set_rows([
            {**r, "label": r.get("label") or r.get("reason") or self.tr("(no reason)")}
            for r in outcomes.get("cancel_reasons", [])
        ])
        for button in self.export_buttons.values():
            button.setEnabled(True)
        self.status_label.setText(self._classifier_text(outcomes.get("classifier") or {}))
        self.reportShown.emit()

    @staticmethod
    def _hour_text(hour: Any) -> str:
        if hour is None or hour == "":
            return ""
        return f"{int(hour):02d}:00–{(int(hour) + 1) % 24:02d}:00"

    def _classifier_text(self, classifier: dict[str, Any]) -> str:
        if not classifier.get("used"):
            return self.tr("Outcome classes come from the recorded dispositions.")
        text = self.tr(
            "Figures marked * come from the note classifier ({model}): {count} notes classified."
        ).format(model=classifier.get("model"), count=classifier.get("classified", 0))
        if classifier.get("failed"):
            text += " " + self.tr("{failed} notes could not be classified.").format(
                failed=classifier.get("failed")
            )
        return text

    def _failed(self, error: Exception) -> None:
        self.run_button.setEnabled(True)
        message = str(getattr(error, "message", error))
        self.status_label.setText(self.tr("The report failed: {message}").format(message=message))

    def export_csv(self, kind: str) -> None:
        query = self._last_query
        if query is None:
            return
        suggested = f"hatif-{kind}-{query.first.isoformat()}-{query.last.isoformat()}.csv"
        path = self._dialogs.save_path(self, suggested)
        if path is None:
            return

        def work() -> str:
            path.write_bytes(self._client.download_csv(kind, query))
            return str(path)

        self._runner.run(work, self.csvExported.emit, lambda error: self._dialogs.show_error(
            self, self.tr("The export failed: {message}").format(
                message=str(getattr(error, "message", error)))
        ))
