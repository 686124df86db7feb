using VapiWebhooks.ModelGenerator;

// Usage: dotnet run --project tools/VapiWebhooks.ModelGenerator [-- --check] [--root PATH]
// Writes src/VapiWebhooks/Models/Generated/ from schemas/vapi-server-messages.schema.json and deletes generated
// files the spec no longer has. With --check, writes nothing and exits 1 when the checked-in files differ.
var check = args.Contains("--check");
var rootIndex = Array.IndexOf(args, "--root");
var root = rootIndex >= 0 && rootIndex + 1 < args.Length ? args[rootIndex + 1] : GeneratedFiles.FindRepositoryRoot(Environment.CurrentDirectory);

var files = ModelGenerator.GenerateFromRepository(root, line => Console.WriteLine("untyped union: " + line));
var differences = GeneratedFiles.Compare(root, files);
if (check)
{
    foreach (var difference in differences)
    {
        Console.Error.WriteLine(difference);
    }

    Console.WriteLine(differences.Count == 0 ? $"{files.Count} generated files are up to date." : $"{differences.Count} generated files differ.");
    return differences.Count == 0 ? 0 : 1;
}

GeneratedFiles.Write(root, files);
Console.WriteLine($"Wrote {files.Count} files to {ModelGenerator.OutputPath} ({differences.Count} changed).");
return 0;
