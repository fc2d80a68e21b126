using FocusBot.Messaging;

namespace FocusBot.Questions;

/// <summary>The question bank feature: the `questions` command, imports, attached-file downloads and first-start seeding.</summary>
public static class QuestionBankServiceCollectionExtensions
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services)
    {
        services.AddSingleton<QuestionBankImporter>();
        services.AddSingleton<QuestionFileClient>();
        services.AddHttpClient(QuestionFileClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            // Redirects are followed by QuestionFileClient itself, so each hop passes the SharePoint host check.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<QuestionsCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<QuestionsCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<QuestionsCommand>());
        services.AddSingleton<QuestionBankSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<QuestionBankSeeder>());
        return services;
    }
}
