using CommonGround.Core.Language;

namespace CommonGround.Web.Infrastructure;

/// <summary>Builds the respectful-language advisor in the background as the app starts, so start-up does not wait for it.</summary>
public sealed class LanguageAdvisorWarmUp(IServiceProvider services, ILogger<LanguageAdvisorWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                services.GetRequiredService<RespectfulLanguageAdvisor>();
            }
            catch (Exception exception) when (exception is IOException or InvalidDataException)
            {
                // The same error is raised again, to the writer's page, the first time the advisor is needed.
                logger.LogError(exception, "The respectful-language advisor could not be built.");
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
