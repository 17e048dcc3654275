using CommonGround.Core.Jobs;

namespace CommonGround.Core.Concerns;

/// <summary>Escalates concerns whose acknowledge or respond clock has run out, so a breach never waits for someone to look.</summary>
public sealed class ConcernEscalationJob(ConcernEscalation escalation) : IJob
{
    public Task ExecuteAsync(CancellationToken cancellationToken) => escalation.EscalateBreachesAsync(cancellationToken);
}
