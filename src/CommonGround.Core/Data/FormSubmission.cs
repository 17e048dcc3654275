using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommonGround.Core.Data;

/// <summary>
/// One sending of one form, by its one-time id, so a second identical sending (a double click, a resent page) is
/// answered with where the first one led instead of doing the work twice.
/// </summary>
public sealed class FormSubmission
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public required Guid Id { get; init; }
    public required Guid UserAccountId { get; init; }
    public required DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Where the first sending led (the address it redirected to), if anywhere.</summary>
    public string? ResultLocation { get; set; }
}

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> e)
    {
        e.Property(f => f.Id).ValueGeneratedNever();
        e.Property(f => f.ResultLocation).HasMaxLength(500);
        e.HasIndex(f => f.StartedAt);
    }
}
