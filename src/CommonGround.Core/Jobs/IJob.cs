namespace CommonGround.Core.Jobs;

/// <summary>Background work run on a schedule. Each run must be safe to repeat and to run on several instances at once.</summary>
public interface IJob
{
    Task ExecuteAsync(CancellationToken cancellationToken);
}
