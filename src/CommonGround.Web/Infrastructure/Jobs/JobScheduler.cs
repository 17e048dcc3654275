using CommonGround.Core.Jobs;

namespace CommonGround.Web.Infrastructure.Jobs;

/// <summary>Runs each registered job on its own period, each run in a fresh scope; a failing run is logged and retried next period.</summary>
public sealed class JobScheduler(IServiceScopeFactory scopes, TimeProvider timeProvider, IEnumerable<JobRegistration> jobs, ILogger<JobScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunAsync(job, stoppingToken)));

    private async Task RunAsync(JobRegistration registration, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(registration.Period, timeProvider);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var job = (IJob)scope.ServiceProvider.GetRequiredService(registration.JobType);
                await job.ExecuteAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Job {Job} failed; it will run again in {Period}", registration.JobType.Name, registration.Period);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

public sealed record JobRegistration(Type JobType, TimeSpan Period);

public static class JobRegistrationExtensions
{
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, TimeSpan period) where TJob : class, IJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobRegistration(typeof(TJob), period));
        return services;
    }
}
