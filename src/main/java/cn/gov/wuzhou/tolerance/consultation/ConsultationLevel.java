package cn.gov.wuzhou.tolerance.consultation;

/**
 * A level at which the discipline-inspection body and the organization department consult (M7): the city, or
 * one county, with the bodies that consult there and the party committee that follows up on the resolutions.
 * A county's reporting units are the unit groups named {@code unit-<county>-…}.
 */
public record ConsultationLevel(String code, String name, String disciplineGroup, String organizationGroup,
    String partyCommitteeGroup, String unitGroupPattern) {

  public static final String CITY = "CITY";
}
