using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VapiWebhooks.Handlers;
using VapiWebhooks.Tools;

namespace VapiWebhooks;

/// <summary>Registers handlers and tools; returned by <c>AddVapiWebhooks</c>.</summary>
public sealed class VapiWebhooksBuilder
{
    private const string ReflectionMessage = "Binding tool arguments by reflection may need types that trimming removes. Use the overload that takes JsonSerializerOptions backed by a JsonSerializerContext.";

    private static readonly Type[] HandlerInterfaces =
    [
        typeof(IAssistantRequestHandler),
        typeof(IToolCallsHandler),
        typeof(ITransferDestinationRequestHandler),
        typeof(IHandoffDestinationRequestHandler),
        typeof(IKnowledgeBaseRequestHandler),
        typeof(ICallEndpointingRequestHandler),
        typeof(ICampaignPredialHandler),
        typeof(IVoiceRequestHandler),
    ];

    /// <summary>Creates a builder over a service collection.</summary>
    /// <param name="services">The services.</param>
    public VapiWebhooksBuilder(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Services = services;
    }

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <typeparamref name="THandler"/> (scoped) for every VapiWebhooks handler interface it implements:
    /// the request handlers (<see cref="IAssistantRequestHandler"/>, <see cref="IToolCallsHandler"/>, ...) and
    /// <see cref="IServerMessageHandler{TMessage}"/> for notifications.
    /// </summary>
    /// <typeparam name="THandler">The handler class.</typeparam>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException"><typeparamref name="THandler"/> implements no handler interface.</exception>
    public VapiWebhooksBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.Interfaces)] THandler>()
        where THandler : class
    {
        // Registering the same class twice must not deliver each notification to it twice.
        if (Services.Any(d => d.ServiceType == typeof(HandlerRegistration<THandler>)))
        {
            return this;
        }

        Services.AddSingleton<HandlerRegistration<THandler>>();
        Services.TryAddScoped<THandler>();
        var found = false;
        foreach (var contract in typeof(THandler).GetInterfaces())
        {
            var isNotification = contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IServerMessageHandler<>);
            if (!isNotification && Array.IndexOf(HandlerInterfaces, contract) < 0)
            {
                continue;
            }

            found = true;
            if (isNotification)
            {
                Services.AddScoped(contract, static sp => sp.GetRequiredService<THandler>());
            }
            else
            {
                // One reply handler per request type: the last registration wins, as in any DI container.
                Services.Replace(ServiceDescriptor.Scoped(contract, static sp => sp.GetRequiredService<THandler>()));
            }
        }

        if (!found)
        {
            throw new ArgumentException($"{typeof(THandler).Name} implements no VapiWebhooks handler interface (IAssistantRequestHandler, IToolCallsHandler, IServerMessageHandler<T>, ...).", nameof(THandler));
        }

        return this;
    }

    /// <summary>
    /// Registers a tool by its function name. The arguments bind by reflection with web defaults (camelCase,
    /// case-insensitive), whether Vapi sent them as an object or a JSON string.
    /// </summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <param name="handler">Runs the tool: returns a string, a <see cref="Responses.ToolCallResult"/>, or any object (written as JSON).</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public VapiWebhooksBuilder AddTool<TArgs>(string functionName, Func<TArgs, ToolCallContext, CancellationToken, Task<object?>> handler)
        => AddTool(functionName, JsonSerializerOptions.Web, handler);

    /// <summary>Registers an <c>async</c> tool that takes no cancellation token; arguments bind by reflection with web defaults.</summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <param name="handler">Runs the tool, for example <c>async (args, call) =&gt; await Weather.GetAsync(args.City)</c>.</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public VapiWebhooksBuilder AddTool<TArgs>(string functionName, Func<TArgs, ToolCallContext, Task<object?>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddTool<TArgs>(functionName, JsonSerializerOptions.Web, (args, context, _) => handler(args, context));
    }

    /// <summary>
    /// Registers a tool by its function name; arguments bind by reflection with web defaults. The handler may
    /// return its result directly or a <see cref="Task"/>, <see cref="Task{TResult}"/>, <see cref="ValueTask"/> or
    /// <see cref="ValueTask{TResult}"/> of it (<c>(args, call) =&gt; Weather.GetAsync(args.City)</c>): a task is
    /// awaited, never sent to the model.
    /// </summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <param name="handler">Runs the tool: returns a string, a <see cref="Responses.ToolCallResult"/>, any object (written as JSON), or a task of one.</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public VapiWebhooksBuilder AddTool<TArgs>(string functionName, Func<TArgs, ToolCallContext, object?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddTool<TArgs>(functionName, JsonSerializerOptions.Web, (args, context, _) => AwaitedToolResult.OfAsync(handler(args, context)));
    }

    /// <summary>
    /// Registers a tool that takes a cancellation token and returns its result directly or as any task of it
    /// (<c>(args, call, ct) =&gt; Weather.GetAsync(args.City, ct)</c>): a task is awaited, never sent to the model.
    /// Arguments bind by reflection with web defaults.
    /// </summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <param name="handler">Runs the tool: returns a string, a <see cref="Responses.ToolCallResult"/>, any object (written as JSON), or a task of one.</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public VapiWebhooksBuilder AddTool<TArgs>(string functionName, Func<TArgs, ToolCallContext, CancellationToken, object?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return AddTool<TArgs>(functionName, JsonSerializerOptions.Web, (args, context, ct) => AwaitedToolResult.OfAsync(handler(args, context, ct)));
    }

    /// <summary>Registers a tool by its function name, binding arguments with the given options (trim and AOT safe with a source-generated resolver).</summary>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <param name="serializerOptions">Binds the arguments and writes object results, for example <c>new JsonSerializerOptions { TypeInfoResolver = MyJsonContext.Default }</c>.</param>
    /// <param name="handler">Runs the tool: returns a string, a <see cref="Responses.ToolCallResult"/>, or any object (written as JSON).</param>
    /// <returns>This builder.</returns>
    public VapiWebhooksBuilder AddTool<TArgs>(string functionName, JsonSerializerOptions serializerOptions, Func<TArgs, ToolCallContext, CancellationToken, Task<object?>> handler)
        => AddRegistration(new DelegateToolRegistration<TArgs>(functionName, serializerOptions, handler));

    /// <summary>Registers a tool class, resolved from DI (scoped) for each call; arguments bind by reflection with web defaults.</summary>
    /// <typeparam name="TTool">The tool class.</typeparam>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <returns>This builder.</returns>
    [RequiresUnreferencedCode(ReflectionMessage)]
    [RequiresDynamicCode(ReflectionMessage)]
    public VapiWebhooksBuilder AddTool<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTool, TArgs>(string functionName)
        where TTool : class, IVapiTool<TArgs>
        => AddTool<TTool, TArgs>(functionName, JsonSerializerOptions.Web);

    /// <summary>Registers a tool class, resolved from DI (scoped) for each call, binding arguments with the given options.</summary>
    /// <typeparam name="TTool">The tool class.</typeparam>
    /// <typeparam name="TArgs">The arguments type.</typeparam>
    /// <param name="functionName">The function name the model calls (exact, case-sensitive).</param>
    /// <param name="serializerOptions">Binds the arguments and writes object results.</param>
    /// <returns>This builder.</returns>
    public VapiWebhooksBuilder AddTool<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TTool, TArgs>(string functionName, JsonSerializerOptions serializerOptions)
        where TTool : class, IVapiTool<TArgs>
    {
        Services.TryAddScoped<TTool>();
        return AddRegistration(new ServiceToolRegistration<TTool, TArgs>(functionName, serializerOptions));
    }

    /// <summary>
    /// Declares argument paths of a registered tool that Vapi encrypts (<c>ssn</c>, <c>payment.cardNumber</c>): they are
    /// decrypted with the credential's <c>Encryption:PrivateKeys</c> before binding, as the paths Vapi lists in the tool's
    /// <c>server.encryptedPaths</c> are. Declare them when Vapi's message might omit that list; a declared path that arrives
    /// unencrypted fails the call rather than bind plaintext the tool expected to be protected.
    /// </summary>
    /// <param name="functionName">The function name of a tool registered with <c>AddTool</c>.</param>
    /// <param name="paths">The argument paths, dot-separated; <c>[n]</c> for an array item.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">No tool of that name is registered yet.</exception>
    /// <exception cref="ArgumentException">A path is empty or malformed.</exception>
    public VapiWebhooksBuilder DecryptArguments(string functionName, params string[] paths)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(paths);
        var registration = Services
            .Select(d => d.ServiceType == typeof(VapiToolRegistration) ? d.ImplementationInstance as VapiToolRegistration : null)
            .FirstOrDefault(r => r?.FunctionName == functionName)
            ?? throw new InvalidOperationException($"No tool named '{functionName}' is registered: call AddTool first, then DecryptArguments.");
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path) || !Encryption.JsonPath.TryParse(path, out _))
            {
                throw new ArgumentException($"'{path}' is not an argument path: use names separated by dots, such as \"payment.cardNumber\", and [n] for an array item.", nameof(paths));
            }
        }

        registration.EncryptedArgumentPaths = [.. registration.EncryptedArgumentPaths.Union(paths, StringComparer.Ordinal)];
        return this;
    }

    /// <summary>
    /// Configures a credential in code: the default one (<paramref name="name"/> empty) or a named one for
    /// <c>MapVapiWebhooks(pattern, name)</c>. Runs after configuration binding.
    /// </summary>
    /// <param name="name">The credential name; empty for the default credential.</param>
    /// <param name="configure">Sets the bearer tokens, HMAC secrets, allowed networks...</param>
    /// <returns>This builder.</returns>
    public VapiWebhooksBuilder AddCredential(string name, Action<Security.VapiAuthenticationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(configure);
        Services.AddOptions<Security.VapiAuthenticationOptions>(name).Configure(configure);
        return this;
    }

    // Marks a class as registered by AddHandler.
    private sealed class HandlerRegistration<THandler>;

    private VapiWebhooksBuilder AddRegistration(VapiToolRegistration registration)
    {
        // Fail at registration, not at the first call: two tools cannot share a function name.
        if (Services.Any(d => d.ServiceType == typeof(VapiToolRegistration) && d.ImplementationInstance is VapiToolRegistration r && r.FunctionName == registration.FunctionName))
        {
            throw new InvalidOperationException($"A tool named '{registration.FunctionName}' is already registered. Each AddTool call needs a distinct function name.");
        }

        Services.AddSingleton(registration);
        return this;
    }
}
