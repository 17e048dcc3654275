using CommonGround.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CommonGround.Web.Infrastructure;

public sealed class DatabaseHealthCheck(CommonGroundDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Areas.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database answered.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The database did not answer.", ex);
        }
    }
}
