using FocusBot;
using FocusBot.Development;
using FocusBot.Domain.Storage;
using FocusBot.Errors;
using FocusBot.Health;
using FocusBot.Kpis;
using FocusBot.Legal;
using FocusBot.Messaging;
using FocusBot.Review;
using FocusBot.Storage;
using FocusBot.Trends;

var builder = WebApplication.CreateBuilder(DevelopmentSwitches.Expand(args));
if (DevelopmentSwitches.RefusalOutsideDevelopment(builder.Configuration, builder.Environment) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 2;
}

if (ToolkitSettingsFile.AddNamedFile(builder.Configuration, builder.Environment) is { } problem)
{
    await Console.Error.WriteLineAsync(problem);
    return 2;
}

builder.Services.AddFocusBot(builder.Configuration, builder.Environment);

var app = builder.Build();
try
{
    await app.Services.GetRequiredService<IStorageInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
}
catch (Exception ex) when (ex is StorageUnavailableException or Microsoft.Extensions.Options.OptionsValidationException)
{
    // One clear sentence for the operator (the store cannot be reached, or a storage setting names the key to fix), not a stack trace.
    await Console.Error.WriteLineAsync($"FocusBot cannot start: {ex.Message}");
    return 1;
}

await DevelopmentClock.AnnounceAsync(app);
await DemoSeeder.RunIfRequestedAsync(app);

app.UseErrorResponses();
app.MapBotMessages();
app.MapHealth();
app.MapLegalPages();
app.MapTrends();
app.MapReviewPack();
app.MapKpis();
await app.RunAsync();
return 0;

/// <summary>The web host; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
