package cn.gov.wuzhou.tolerance.api;

/** The {@code page} (from 0) and {@code size} (1–100, default 20) of every list of the read API. */
record Paging(int page, int size) {

  static final String DEFAULT_SIZE = "20";
  static final int MAX_SIZE = 100;

  static Paging of(int page, int size) {
    if (page < 0) {
      throw ApiException.badRequest("参数 page 不能为负数");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ApiException.badRequest("参数 size 应在 1 到 " + MAX_SIZE + " 之间");
    }
    return new Paging(page, size);
  }
}
