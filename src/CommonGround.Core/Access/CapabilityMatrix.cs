using CommonGround.Core.Organisations;

namespace CommonGround.Core.Access;

/// <summary>
/// What each relationship to a child allows. The one place these rules live: pages, lists and services all ask it.
/// For team members, capabilities apply only to the record areas the family has shared with them.
/// </summary>
public static class CapabilityMatrix
{
    private static readonly Capability[] Family =
    [
        Capability.ViewRecord, Capability.EditProfile, Capability.ManageTeam, Capability.ManageConsent,
        Capability.RaiseConcern, Capability.ManageStatutoryProcess, Capability.ViewAccessLog, Capability.ExportRecord, Capability.RespondToPlan,
        Capability.AddDocument,
    ];

    private static readonly Capability[] Professional =
    [
        Capability.ViewRecord, Capability.SuggestProfile, Capability.RecordCommitment, Capability.RecordDelivery,
        Capability.RunMeeting, Capability.RaiseConcern, Capability.RespondToConcern, Capability.AddDocument,
    ];

    public static IReadOnlySet<Capability> For(ChildRelationship relationship)
    {
        var capabilities = relationship.Kind switch
        {
            RelationshipKind.YoungPerson => new HashSet<Capability>(Family),
            // Once a young person of 16 or over has their own place, sharing is theirs to decide.
            RelationshipKind.ParentCarer => new HashSet<Capability>(relationship.YoungPersonDecides ? Family.Except([Capability.ManageConsent, Capability.ManageTeam, Capability.RespondToPlan]) : Family),
            RelationshipKind.OtherCarer => new HashSet<Capability>([Capability.ViewRecord, Capability.EditProfile, Capability.RaiseConcern, Capability.ViewAccessLog]),
            RelationshipKind.TeamMember => new HashSet<Capability>(Professional),
            // Emergency access is for reading only: anything to be done goes through the child's team.
            RelationshipKind.EmergencyReader => new HashSet<Capability>([Capability.ViewRecord]),
            _ => [],
        };

        if (relationship.Kind == RelationshipKind.TeamMember)
        {
            if (relationship.IsKeyWorker || relationship.IsTeamLead)
            {
                capabilities.Add(Capability.ManageTeam);
            }

            if (relationship.OrganisationKind == OrganisationKind.LocalAuthority)
            {
                capabilities.Add(Capability.ManageStatutoryProcess);
            }

            // Which kind of plan each writes is the plan's own rule (PlanKinds).
            if (relationship.OrganisationKind is OrganisationKind.School or OrganisationKind.EarlyYears or OrganisationKind.College or OrganisationKind.LocalAuthority)
            {
                capabilities.Add(Capability.WritePlan);
            }
        }

        return capabilities;
    }

    public static bool Allows(ChildRelationship relationship, Capability capability) => For(relationship).Contains(capability);
}
