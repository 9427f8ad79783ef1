"""Settings: audio devices (test tone, level meter), ringer, language, shortcuts."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.audio_settings import AudioSettings
from ui.shortcuts import DEFAULT_SHORTCUTS, shortcut_keys

LANGUAGES = (("fr", "Français"), ("ar", "العربية"), ("en", "English"))


class SettingsDialog(QDialog):
    """Changes apply when accepted; the audio test runs on the chosen devices."""

    def __init__(
        self,
        audio: AudioSettings | None,
        language: str,
        shortcuts: dict[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._audio = audio
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        tabs = QTabWidget(self)
        tabs.addTab(self._audio_tab(), self.tr("Audio"))
        tabs.addTab(self._language_tab(language), self.tr("Language"))
        tabs.addTab(self._shortcuts_tab(shortcuts), self.tr("Shortcuts"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(560, 420)

    # -- tabs ----------------------------------------------------------------
    def _device_combo(self, role: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"device_{role}")
        combo.addItem(self.tr("System default"), None)
        if self._audio is not None:
            for option in self._audio.options(role):
                combo.addItem(option.description, option.device_id)
            index = combo.findData(self._audio.chosen(role))
            combo.setCurrentIndex(max(0, index))
        return combo

    def _audio_tab(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.capture = self._device_combo("capture")
        self.playback = self._device_combo("playback")
        self.ringer = self._device_combo("ringer")
        self.test_tone = QPushButton(self.tr("Play test tone"), page)
        self.test_ringer = QPushButton(self.tr("Test ringer"), page)
        self.meter = QProgressBar(page)
        self.meter.setObjectName("micLevel")
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter_button = QPushButton(self.tr("Test microphone"), page)
        self.meter_button.setCheckable(True)
        playback_row = QHBoxLayout()
        playback_row.addWidget(self.playback, 1)
        playback_row.addWidget(self.test_tone)
        ringer_row = QHBoxLayout()
        ringer_row.addWidget(self.ringer, 1)
        ringer_row.addWidget(self.test_ringer)
        mic_row = QHBoxLayout()
        mic_row.addWidget(self.meter, 1)
        mic_row.addWidget(self.meter_button)
        form.addRow(self.tr("Microphone"), self.capture)
        form.addRow(self.tr("Level"), mic_row)
        form.addRow(self.tr("Headset"), playback_row)
        form.addRow(self.tr("Ringer"), ringer_row)
        if self._audio is None:
            form.addRow(QLabel(self.tr("Audio devices are not available."), page))
            for widget in (self.test_tone, self.test_ringer, self.meter_button):
                widget.setEnabled(False)
        else:
            audio = self._audio
            self.capture.activated.connect(
                lambda _i: audio.choose("capture", self.capture.currentData())
            )
            self.playback.activated.connect(
                lambda _i: audio.choose("playback", self.playback.currentData())
            )
            self.ringer.activated.connect(
                lambda _i: audio.choose("ringer", self.ringer.currentData())
            )
            self.test_tone.clicked.connect(lambda: audio.play_test_tone("playback"))
            self.test_ringer.clicked.connect(lambda: audio.play_test_tone("ringer"))
            self.meter_button.toggled.connect(self._toggle_meter)
            audio.level.connect(lambda value: self.meter.setValue(int(value * 100)))
        return page

    def _language_tab(self, language: str) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.language = QComboBox(page)
        self.language.setObjectName("languageChoice")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("Language"), self.language)
        form.addRow(QLabel(self.tr("The new language applies at the next start."), page))
        return page

    def _shortcuts_tab(self, overrides: dict[str, str]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.shortcut_edits: dict[str, QKeySequenceEdit] = {}
        for shortcut in DEFAULT_SHORTCUTS:
            edit = QKeySequenceEdit(QKeySequence(shortcut_keys(shortcut.command, overrides)), page)
            edit.setObjectName(f"shortcut_{shortcut.command}")
            form.addRow(shortcut.text(), edit)
            self.shortcut_edits[shortcut.command] = edit
        return page

    def _toggle_meter(self, on: bool) -> None:
        if self._audio is None:
            return
        if on:
            self._audio.start_meter()
        else:
            self._audio.stop_meter()
            self.meter.setValue(0)

    # -- results ---------------------------------------------------------------
    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def shortcuts(self) -> dict[str, str]:
        """Only the shortcuts that differ from the defaults."""
        changed: dict[str, str] = {}
        for shortcut in DEFAULT_SHORTCUTS:
            keys = self.shortcut_edits[shortcut.command].keySequence().toString()
            if keys and keys != shortcut.keys:
                changed[shortcut.command] = keys
        return changed

    def done(self, result: int) -> None:
        if self._audio is not None:
            self._audio.stop_meter()
            self._audio.stop_test_tone()
        super().done(result)
