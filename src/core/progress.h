// Progress reporting and cancellation, independent of any user interface.
#pragma once

#include <exception>
#include <string_view>

namespace circatlas::core {

/// Long-running work reports through this; the viewer adapts it to a dialog, the CLI to a bar.
class Progress {
 public:
  virtual ~Progress() = default;
  /// fraction in [0, 1]; stage is a short human label ("reading enterprises").
  virtual void report(double fraction, std::string_view stage) = 0;
  /// Polled by the work; when true the work stops at its next check.
  [[nodiscard]] virtual bool cancelled() const = 0;
};

/// Progress that reports nowhere and never cancels.
class NullProgress final : public Progress {
 public:
  void report(double, std::string_view) override {}
  [[nodiscard]] bool cancelled() const override { return false; }
};

/// Thrown by work that saw Progress::cancelled(); whatever it was writing is discarded.
class Cancelled final : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override { return "cancelled"; }
};

/// Reports a stage to an optional progress and throws Cancelled when it asks to stop: the one call
/// long-running tools make between their steps.
inline void advance(Progress* progress, double fraction, std::string_view stage) {
  if (!progress) return;
  if (progress->cancelled()) throw Cancelled();
  progress->report(fraction, stage);
}

}  // namespace circatlas::core
