namespace VapiWebhooks.Tests.Shared.SystemTools;

/// <summary>
/// A <see cref="Xunit.FactAttribute"/> for a test that needs system tools (<c>[RequiresToolFact("espeak-ng", InstallHint =
/// "sudo apt-get install espeak-ng")]</c>): skipped with the reason and the install line when one is missing, unless
/// <c>CI=true</c>, where it always runs (and fails saying what is missing).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class RequiresToolFactAttribute : Xunit.FactAttribute
{
    private string? _skip;
    private bool _explicitSkip;

    /// <summary>The test needs every one of <paramref name="tools"/> (names on PATH, or paths; see <see cref="SystemTool.Find"/>).</summary>
    public RequiresToolFactAttribute(params string[] tools) => Tools = tools;

    /// <summary>The tools this test needs.</summary>
    public IReadOnlyList<string> Tools { get; }

    /// <summary>The command that installs the tools, shown in the skip reason (e.g. <c>sudo apt-get install espeak-ng</c>).</summary>
    public string? InstallHint { get; set; }

    /// <summary>
    /// Computed when xunit reads it, after <see cref="InstallHint"/> is set: the named arguments of an attribute are
    /// assigned after its constructor runs.
    /// </summary>
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
