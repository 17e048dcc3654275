using CommonGround.Core.Commitments;

namespace CommonGround.Core.Tests.Commitments;

public sealed class CommitmentTextTests
{
    [Theory]
    [InlineData("16.2", ProvisionUnit.Sessions, "16 sessions")]
    [InlineData("0.2", ProvisionUnit.Sessions, "0 sessions")]
    [InlineData("1.2", ProvisionUnit.Sessions, "1 session")]
    [InlineData("14.99", ProvisionUnit.Journeys, "14 journeys")]
    [InlineData("2.6", ProvisionUnit.Hours, "2.5 hours")]
    [InlineData("1.3", ProvisionUnit.Hours, "1.25 hours")]
    [InlineData("1", ProvisionUnit.Hours, "1 hour")]
    public void What_a_schedule_works_out_is_counted_in_whole_sessions_and_quarter_hours(string worked, ProvisionUnit unit, string reads) =>
        Assert.Equal(reads, CommitmentText.Counted(decimal.Parse(worked, System.Globalization.CultureInfo.InvariantCulture), unit));
}
