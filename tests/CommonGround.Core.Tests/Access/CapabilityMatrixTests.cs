using CommonGround.Core.Access;
using CommonGround.Core.Organisations;

namespace CommonGround.Core.Tests.Access;

public sealed class CapabilityMatrixTests
{
    private const string All = "ViewRecord EditProfile SuggestProfile ManageTeam ManageConsent RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern ManageStatutoryProcess ViewAccessLog ExportRecord WritePlan RespondToPlan AddDocument";

    public static TheoryData<string, ChildRelationship, string> Table => new()
    {
        { "parent carer", new(RelationshipKind.ParentCarer), "ViewRecord EditProfile ManageTeam ManageConsent RaiseConcern ManageStatutoryProcess ViewAccessLog ExportRecord RespondToPlan AddDocument" },
        { "parent carer of a young person who decides", new(RelationshipKind.ParentCarer, YoungPersonDecides: true), "ViewRecord EditProfile RaiseConcern ManageStatutoryProcess ViewAccessLog ExportRecord AddDocument" },
        { "young person", new(RelationshipKind.YoungPerson, YoungPersonDecides: true), "ViewRecord EditProfile ManageTeam ManageConsent RaiseConcern ManageStatutoryProcess ViewAccessLog ExportRecord RespondToPlan AddDocument" },
        { "other carer", new(RelationshipKind.OtherCarer), "ViewRecord EditProfile RaiseConcern ViewAccessLog" },
        { "team member at a school", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.School), "ViewRecord SuggestProfile RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern WritePlan AddDocument" },
        { "team member at a college", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.College), "ViewRecord SuggestProfile RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern WritePlan AddDocument" },
        { "team member in social care", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.SocialCare), "ViewRecord SuggestProfile RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern AddDocument" },
        { "key worker at a school", new(RelationshipKind.TeamMember, IsKeyWorker: true, OrganisationKind: OrganisationKind.School), "ViewRecord SuggestProfile ManageTeam RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern WritePlan AddDocument" },
        { "team lead in health", new(RelationshipKind.TeamMember, IsTeamLead: true, OrganisationKind: OrganisationKind.Health), "ViewRecord SuggestProfile ManageTeam RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern AddDocument" },
        { "local authority caseworker", new(RelationshipKind.TeamMember, OrganisationKind: OrganisationKind.LocalAuthority), "ViewRecord SuggestProfile RecordCommitment RecordDelivery RunMeeting RaiseConcern RespondToConcern ManageStatutoryProcess WritePlan AddDocument" },
        { "local authority lead under emergency access", new(RelationshipKind.EmergencyReader, OrganisationKind: OrganisationKind.LocalAuthority), "ViewRecord" },
        { "no relationship", ChildRelationship.None, "" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_relationship_allows_exactly_its_capabilities(string who, ChildRelationship relationship, string expected)
    {
        var allowed = CapabilityMatrix.For(relationship);
        foreach (var capability in All.Split(' ').Select(Enum.Parse<Capability>))
        {
            Assert.True(expected.Split(' ').Contains(capability.ToString()) == allowed.Contains(capability),
                $"{who}: {capability} should be {(allowed.Contains(capability) ? "refused" : "allowed")}");
        }
    }

    [Fact]
    public void Every_capability_is_in_the_table() =>
        Assert.Equal(Enum.GetNames<Capability>().Order(), All.Split(' ').Order());

    [Fact]
    public void Professionals_never_edit_the_familys_words_and_never_decide_sharing()
    {
        foreach (var kind in Enum.GetValues<OrganisationKind>())
        {
            var allowed = CapabilityMatrix.For(new ChildRelationship(RelationshipKind.TeamMember, IsKeyWorker: true, IsTeamLead: true, OrganisationKind: kind));
            Assert.DoesNotContain(Capability.EditProfile, allowed);
            Assert.DoesNotContain(Capability.ManageConsent, allowed);
            Assert.DoesNotContain(Capability.ViewAccessLog, allowed);
        }
    }
}
