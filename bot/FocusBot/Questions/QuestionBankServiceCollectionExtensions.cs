using FocusBot.Messaging;

namespace FocusBot.Questions;

/// <summary>The question bank feature: the `questions` command, imports, attached-file downloads and first-start seeding.</summary>
public static class QuestionBankServiceCollectionExtensions
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services)
    {
        services.AddSingleton<QuestionBankImporter>();
        services.AddSingleton<QuestionFileClient>();
        // A transient failure from SharePoint is retried by the standard handler, whose timeouts replace HttpClient's
        // (10 s, as HttpClient's was): the person who attached the file is waiting for the import's answer.
        services.AddHttpClient(QuestionFileClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            // Redirects are followed by QuestionFileClient itself, so each hop passes the SharePoint host check.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddStandardResilienceHandler(o =>
            {
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(8);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.Retry.Delay = TimeSpan.FromMilliseconds(500);
            });
        services.AddSingleton<QuestionsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<QuestionsCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<QuestionsCommand>());
        services.AddSingleton<QuestionBankSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<QuestionBankSeeder>());
        return services;
    }
}
