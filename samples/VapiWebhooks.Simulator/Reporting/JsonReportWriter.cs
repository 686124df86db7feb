using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Simulator.Reporting;

/// <summary>The report as JSON, for CI: every step with its status, latency, deadline, verdict, violations and notes.</summary>
internal static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(SimulationReport report) => JsonSerializer.Serialize(new
    {
        report.Command,
        report.Scenario,
        report.Url,
        report.Authentication,
        report.CallId,
        report.ControlUrl,
        report.StartedAt,
        DurationMs = Math.Round(report.DurationMs, 1),
        report.DeadlineScale,
        report.Passed,
        report.ViolationCount,
        report.ToolErrorCount,
        Steps = report.Steps.Select(s => new
        {
            s.Index,
            s.Type,
            s.Label,
            s.Source,
            s.Status,
            LatencyMs = Math.Round(s.LatencyMs, 1),
            DeadlineMs = Math.Round(s.DeadlineMs, 1),
            TimeToFirstByteMs = s.TimeToFirstByteMs is { } ttfb ? Math.Round(ttfb, 1) : (double?)null,
            s.ReplyBytes,
            s.Verdict,
            Violations = s.Violations.Select(v => new { v.Rule, v.Message }),
            s.Notes,
            ToolErrors = s.ToolErrors.Count == 0 ? null : s.ToolErrors,
        }),
        Commands = report.ControlUrl is null && report.Commands.Count == 0 ? null : report.Commands.Select(c => new
        {
            c.Sequence,
            c.Type,
            c.Label,
            c.Status,
            AfterMs = Math.Round(c.AfterMs, 1),
            c.Verdict,
            Violations = c.Violations.Select(v => new { v.Rule, v.Message }),
            c.Notes,
            Warnings = c.Warnings.Count == 0 ? null : c.Warnings,
        }),
    }, Options);
}
