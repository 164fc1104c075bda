package cn.gov.wuzhou.tolerance.common;

/** An enumeration code of MISSION.md with the Chinese label staff read. */
public interface Coded {

  String name();

  String label();
}
