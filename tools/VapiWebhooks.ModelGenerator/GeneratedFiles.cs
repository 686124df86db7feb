namespace VapiWebhooks.ModelGenerator;

/// <summary>Compares and writes the generated folder.</summary>
public static class GeneratedFiles
{
    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>VapiWebhooks.sln</c>.</summary>
    /// <param name="start">Where to start looking.</param>
    /// <returns>The repository root.</returns>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VapiWebhooks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No VapiWebhooks.sln at or above {start}.");
    }

    /// <summary>The files that are missing, different or stale in the checked-in folder, one line each.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="files">The generated files.</param>
    /// <returns>The differences; empty when the folder matches.</returns>
    public static IReadOnlyList<string> Compare(string root, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(root, ModelGenerator.OutputPath);
        var differences = new List<string>();
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                differences.Add($"missing: {name}");
            }
            else if (File.ReadAllText(path) != content)
            {
                differences.Add($"differs: {name}");
            }
        }

        if (Directory.Exists(folder))
        {
            differences.AddRange(Directory.EnumerateFiles(folder, "*.cs")
                .Select(Path.GetFileName)
                .Where(name => !files.ContainsKey(name!))
                .Order(StringComparer.Ordinal)
                .Select(name => $"stale: {name}"));
        }

        return differences;
    }

    /// <summary>Writes the files and deletes generated files that are no longer produced.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="files">The generated files.</param>
    public static void Write(string root, IReadOnlyDictionary<string, string> files)
    {
        var folder = Path.Combine(root, ModelGenerator.OutputPath);
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.cs").Where(f => !files.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path) || File.ReadAllText(path) != content)
            {
                File.WriteAllText(path, content);
            }
        }
    }
}
