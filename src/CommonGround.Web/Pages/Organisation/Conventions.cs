using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CommonGround.Web.Pages.Organisation;

/// <summary>An organisation's details and staff are managed by its own active admins.</summary>
public static class Conventions
{
    public static void Apply(PageConventionCollection conventions) =>
        conventions.AuthorizeFolder("/Organisation", Policies.OrganisationAdmin);
}
