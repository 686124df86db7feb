using System.Text.Json;
using VapiWebhooks.Messages;
using VapiWebhooks.Simulator.Checks;

namespace VapiWebhooks.Simulator.Simulation;

/// <summary>Posts saved request bodies byte for byte (a folder in file-name order) and checks each reply.</summary>
internal sealed class SavedBodyReplay(StepRunner runner, DeadlinePolicy deadlines)
{
    /// <summary>The files to replay: <paramref name="path"/> itself, or every <c>*.json</c> under it, ordered by file name.</summary>
    public static IReadOnlyList<string> FilesAt(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            var files = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                .OrderBy(Path.GetFileName, StringComparer.Ordinal)
                .ThenBy(f => f, StringComparer.Ordinal)
                .ToList();
            return files.Count > 0 ? files : throw new UsageException($"no .json files in {path}");
        }

        throw new UsageException($"no such file or folder: {path}");
    }

    /// <summary>Reads every file first, so that a bad file stops the run before anything is sent.</summary>
    public static IReadOnlyList<SavedBody> Read(IReadOnlyList<string> files) => [.. files.Select(SavedBody.Read)];

    public async Task RunAsync(IReadOnlyList<SavedBody> bodies, CancellationToken cancellationToken)
    {
        foreach (var saved in bodies)
        {
            var deadline = deadlines.ForBody(saved.Type, saved.Message);
            var (step, _) = await runner.SendBodyAsync(saved.Bytes, saved.Type, $"{saved.Type} ({Path.GetFileName(saved.Path)})", deadline, saved.ToolCalls, saved.Path, cancellationToken);
            if (!saved.IsEnvelope)
            {
                step.Notes.Add("the file holds a bare message; Vapi always sends {\"message\": {...}}");
            }

            runner.Complete(step);
        }
    }
}

/// <summary>A saved request body: its bytes as they will be sent, its type and the tool calls it makes.</summary>
internal sealed record SavedBody(string Path, byte[] Bytes, string Type, JsonElement Message, bool IsEnvelope, IReadOnlyList<ExpectedToolCall> ToolCalls)
{
    public static SavedBody Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {exception.Message}", exception);
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(bytes);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new UsageException($"{path} is not JSON: {exception.Message.ReplaceLineEndings(" ")}", exception);
        }

        var isEnvelope = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.Object;
        var message = isEnvelope ? root.GetProperty("message") : root;
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
        {
            throw new UsageException($"{path} is not a Vapi message: expected {{\"message\": {{\"type\": ...}}}}");
        }

        return new SavedBody(path, bytes, type.GetString()!, message, isEnvelope, ToolCallsOf(type.GetString()!, message));
    }

    private static List<ExpectedToolCall> ToolCallsOf(string type, JsonElement message)
    {
        var calls = new List<ExpectedToolCall>();
        if (type != ServerMessageTypes.ToolCalls)
        {
            return calls;
        }

        var asyncIds = new HashSet<string>(StringComparer.Ordinal);
        if (message.TryGetProperty("toolWithToolCallList", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("async", out var isAsync) && isAsync.ValueKind == JsonValueKind.True
                    && tool.TryGetProperty("toolCall", out var call) && call.ValueKind == JsonValueKind.Object && call.TryGetProperty("id", out var id))
                {
                    asyncIds.Add(id.GetString() ?? string.Empty);
                }
            }
        }

        if (message.TryGetProperty("toolCallList", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in list.EnumerateArray())
            {
                if (call.ValueKind != JsonValueKind.Object || !call.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                // {"function": {"name"}} as Vapi sends it; some docs show a flat {"name", "parameters"}.
                var owner = call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object ? function : call;
                var name = owner.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "(unnamed)";
                calls.Add(new ExpectedToolCall(id.GetString()!, name, asyncIds.Contains(id.GetString()!)));
            }
        }

        return calls;
    }
}
