namespace VapiWebhooks.Tests.Shared.SystemTools;

/// <summary>
/// The <see cref="Xunit.TheoryAttribute"/> twin of <see cref="RequiresToolFactAttribute"/>: every case is skipped with the
/// reason and the install line when a tool is missing, unless <c>CI=true</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequiresToolTheoryAttribute : Xunit.TheoryAttribute
{
    private string? _skip;
    private bool _explicitSkip;

    /// <summary>The test needs every one of <paramref name="tools"/> (names on PATH, or paths; see <see cref="SystemTool.Find"/>).</summary>
    public RequiresToolTheoryAttribute(params string[] tools) => Tools = tools;

    /// <summary>The tools this test needs.</summary>
    public IReadOnlyList<string> Tools { get; }

    /// <summary>The command that installs the tools, shown in the skip reason.</summary>
    public string? InstallHint { get; set; }

    /// <summary>Computed when xunit reads it, after <see cref="InstallHint"/> is set.</summary>
    public override string? Skip
    {
        get => _explicitSkip ? _skip : SystemTool.SkipReason(Tools, InstallHint);
        set
        {
            _skip = value;
            _explicitSkip = true;
        }
    }
}
