using CommonGround.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CommonGround.Web.Pages.Admin;

/// <summary>Setting up areas and organisations is for the service admin alone.</summary>
public static class Conventions
{
    public static void Apply(PageConventionCollection conventions) =>
        conventions.AuthorizeFolder("/Admin", Policies.ServiceAdmin);
}
