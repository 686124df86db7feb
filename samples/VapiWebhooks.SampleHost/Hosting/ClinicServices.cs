using Microsoft.Extensions.Options;
using VapiWebhooks.SampleHost.Data;
using VapiWebhooks.SampleHost.Handlers;
using VapiWebhooks.SampleHost.KnowledgeBase;
using VapiWebhooks.SampleHost.Sms;
using VapiWebhooks.SampleHost.Tools;
using VapiWebhooks.SampleHost.Voice;
using VapiWebhooks.Security;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>The clinic behind the handlers and tools: options, database, schedule, FAQ, voice, development credential.</summary>
public static class ClinicServices
{
    public static IServiceCollection AddClinic(this IServiceCollection services)
    {
        services.AddOptions<SampleOptions>().BindConfiguration(SampleOptions.SectionName);
        services.AddHttpContextAccessor();
        services.AddSingleton<ClinicDatabase>();
        services.AddSingleton<DatabaseWriter>();
        services.AddSingleton<AppointmentStore>();
        services.AddSingleton<CustomerStore>();
        services.AddSingleton<CallRecordStore>();
        services.AddSingleton<ClinicSchedule>();
        services.AddSingleton<BookingRules>();
        services.AddSingleton<FaqLibrary>();
        services.AddSingleton<EspeakVoice>();
        services.AddSingleton<FakeSmsSender>();
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<FakeSmsSender>());
        services.AddSingleton<OncePerCall>();
        services.AddSingleton<DevelopmentCredential>();
        services.AddSingleton<IPostConfigureOptions<VapiAuthenticationOptions>>(sp => sp.GetRequiredService<DevelopmentCredential>());
        services.AddHostedService<DatabaseInitializer>();
        return services;
    }
}
