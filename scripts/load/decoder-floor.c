/* The floor of FastRelease's decoding with libxml2 on this machine: what the CEB decoder does,
 * done in C with nothing on top. Every file is read into memory first; then each of THREADS
 * threads takes the next message, parses it with its own SAX2 push parser (reset for each
 * message, the same options as FastRelease: XML_PARSE_NONET | XML_PARSE_NOCDATA), keeps
 * element text, recognises the same elements in the CEB namespace at the same depths, and
 * copies every field the decoder reads into a declaration record: strings into a per-thread
 * arena, numbers parsed (decimal, integers), GACC numeric codes looked up in a table. Only the
 * parse is timed; the time printed is what `scripts/bench-side-by-side.sh` calls the floor.
 *
 *   gcc -O2 -pthread decoder-floor.c -I/usr/include/libxml2 -lxml2 -o decoder-floor
 *   ./decoder-floor THREADS FILES...
 *   prints: seconds=S declarations=D lines=L checksum=C
 */
#include <libxml/parser.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *ceb_namespace = "http://www.chinaport.gov.cn/ceb";

/* The element names the decoder reads; the order gives each its number. */
enum { INVENTORY, INVENTORY_HEAD, INVENTORY_LIST, FIRST_FIELD };
static const char *names[] = {
    "Inventory", "InventoryHead", "InventoryList", "guid", "appType", "appTime", "orderNo", "ebpCode",
    "ebpName", "ebcCode", "ebcName", "logisticsNo", "logisticsCode", "logisticsName", "copNo", "preNo",
    "invtNo", "ieFlag", "customsCode", "portCode", "buyerIdNumber", "buyerName", "agentCode", "agentName",
    "tradeMode", "trafMode", "licenseNo", "country", "freight", "insuredFee", "currency", "packNo",
    "grossWeight", "netWeight", "ownerCode", "ownerName", "emsNo", "statisticsFlag", "gnum", "gcode",
    "gname", "qty", "unit", "qty1", "unit1", "price", "totalPrice", "itemRecordNo"};
#define NAME_COUNT ((int)(sizeof names / sizeof names[0]))
static int slots[256];

static uint32_t fnv(const unsigned char *s, size_t *length) {
  uint32_t hash = 2166136261u;
  size_t n = 0;
  while (s[n]) { hash = (hash ^ s[n]) * 16777619u; n++; }
  *length = n;
  return hash;
}
static void build_table(void) {
  for (int i = 0; i < 256; i++) slots[i] = -1;
  for (int i = 0; i < NAME_COUNT; i++) {
    size_t n;
    uint32_t slot = fnv((const unsigned char *)names[i], &n) & 255;
    while (slots[slot] >= 0) slot = (slot + 1) & 255;
    slots[slot] = i;
  }
}
static int lookup(const xmlChar *name) {
  size_t n;
  uint32_t slot = fnv(name, &n) & 255;
  for (;;) {
    int entry = slots[slot];
    if (entry < 0) return -1;
    if (strlen(names[entry]) == n && memcmp(names[entry], name, n) == 0) return entry;
    slot = (slot + 1) & 255;
  }
}

/* What one declaration keeps: string fields as (offset, length) in the arena, numbers. */
typedef struct { uint32_t offset, length; } text_ref;
typedef struct {
  text_ref text[64];
  double numbers[16];
  int codes[8];
  int lines;
} record;

typedef struct {
  xmlParserCtxtPtr parser;
  int depth, section, reading;
  unsigned char *text; size_t text_count, text_capacity;
  unsigned char *arena; size_t arena_count, arena_capacity;
  record current;
  long declarations, lines;
  uint64_t checksum;
} worker;

static double decimal(const unsigned char *s, size_t n, int *ok) {
  size_t i = 0; int negative = 0, digits = 0, scale = 0, point = 0; uint64_t mantissa = 0;
  static const double powers[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  *ok = 0;
  if (n == 0 || n > 40) return 0;
  if (s[0] == '-' || s[0] == '+') { negative = s[0] == '-'; i = 1; }
  for (; i < n; i++) {
    if (s[i] == '.') { if (point) return 0; point = 1; }
    else if (s[i] >= '0' && s[i] <= '9') { if (digits >= 15) return 0; mantissa = mantissa * 10 + (s[i] - '0'); digits++; if (point) scale++; }
    else return 0;
  }
  if (!digits) return 0;
  *ok = 1;
  double value = (double)mantissa / powers[scale];
  return negative ? -value : value;
}
static int gacc_code(const unsigned char *s, size_t n) {
  int value = 0;
  if (n == 0 || n > 3) return -1;
  for (size_t i = 0; i < n; i++) { if (s[i] < '0' || s[i] > '9') return -1; value = value * 10 + s[i] - '0'; }
  return value; /* an index into a 1,000-entry code table */
}
static int code_table[1000];

static void keep_text(worker *w, int field, const unsigned char *s, size_t n) {
  if (w->arena_count + n > w->arena_capacity) {
    w->arena_capacity = (w->arena_count + n) * 2;
    w->arena = realloc(w->arena, w->arena_capacity);
  }
  memcpy(w->arena + w->arena_count, s, n);
  w->current.text[field & 63] = (text_ref){(uint32_t)w->arena_count, (uint32_t)n};
  w->arena_count += n;
}

/* How each field is read: text copied, a decimal number, or a GACC code looked up. */
enum { TEXT, NUMBER, CODE };
static int kinds[64];
static void build_kinds(void) {
  static const char *numbers[] = {"freight", "insuredFee", "packNo", "grossWeight", "netWeight", "qty",
                                  "qty1", "price", "totalPrice", "gnum"};
  static const char *codes[] = {"country", "currency", "unit", "unit1"};
  for (int i = 0; i < NAME_COUNT; i++) {
    kinds[i] = TEXT;
    for (size_t k = 0; k < sizeof numbers / sizeof *numbers; k++) if (!strcmp(names[i], numbers[k])) kinds[i] = NUMBER;
    for (size_t k = 0; k < sizeof codes / sizeof *codes; k++) if (!strcmp(names[i], codes[k])) kinds[i] = CODE;
  }
}

static void read_field(worker *w, int field, const unsigned char *s, size_t n) {
  int ok, code;
  switch (kinds[field]) {
  case NUMBER: w->current.numbers[field & 15] = decimal(s, n, &ok); break;
  case CODE:
    code = gacc_code(s, n);
    w->current.codes[field & 7] = code >= 0 ? code_table[code] : -1;
    break;
  default: keep_text(w, field, s, n);
  }
}

static int in_ceb(const xmlChar *uri) { return uri && strcmp((const char *)uri, ceb_namespace) == 0; }

static void start(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri, int nn,
                  const xmlChar **ns, int na, int nd, const xmlChar **attributes) {
  worker *w = ctx;
  w->depth++;
  w->text_count = 0;
  if (w->depth > 3 || !in_ceb(uri)) return;
  int element = lookup(name);
  if (w->depth == 2 && element == INVENTORY) {
    memset(&w->current, 0, sizeof w->current);
    w->arena_count = 0;
    w->reading = 1;
  } else if (w->depth == 3 && element == INVENTORY_HEAD) {
    w->section = 1;
  } else if (w->depth == 3 && element == INVENTORY_LIST) {
    w->section = 2;
    w->current.lines++;
  }
}

static void end(void *ctx, const xmlChar *name, const xmlChar *prefix, const xmlChar *uri) {
  worker *w = ctx;
  if (w->depth <= 4 && in_ceb(uri)) {
    int element = lookup(name);
    if (w->depth == 4 && w->section && w->reading && element >= FIRST_FIELD) {
      const unsigned char *s = w->text; size_t n = w->text_count;
      while (n && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')) { s++; n--; }
      while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == '\t')) n--;
      if (n) read_field(w, element, s, n);
    } else if (w->depth == 3 && element == INVENTORY_LIST) {
      w->section = 0;
    } else if (w->depth == 3 && element == INVENTORY_HEAD) {
      w->section = 0;
    } else if (w->depth == 2 && element == INVENTORY && w->reading) {
      w->reading = 0;
      w->declarations++;
      w->lines += w->current.lines;
      w->checksum += w->arena_count + (uint64_t)w->current.numbers[3];
    }
  }
  w->text_count = 0;
  w->depth--;
}

static void characters(void *ctx, const xmlChar *s, int n) {
  worker *w = ctx;
  if (w->text_count + n > w->text_capacity) {
    w->text_capacity = (w->text_count + n) * 2;
    w->text = realloc(w->text, w->text_capacity);
  }
  memcpy(w->text + w->text_count, s, n);
  w->text_count += n;
}

static xmlSAXHandler handler;
static char **contents;
static size_t *sizes;
static int file_count;
static int next_file;
static pthread_mutex_t next_lock = PTHREAD_MUTEX_INITIALIZER;

static void *run(void *argument) {
  worker *w = argument;
  w->parser = xmlCreatePushParserCtxt(&handler, w, NULL, 0, NULL);
  for (;;) {
    pthread_mutex_lock(&next_lock);
    int i = next_file++;
    pthread_mutex_unlock(&next_lock);
    if (i >= file_count) break;
    int head = sizes[i] < 4 ? (int)sizes[i] : 4;
    xmlCtxtResetPush(w->parser, contents[i], head, NULL, NULL);
    xmlCtxtUseOptions(w->parser, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    w->parser->userData = w;
    w->depth = 0; w->section = 0; w->reading = 0;
    xmlParseChunk(w->parser, contents[i] + head, (int)(sizes[i] - head), 1);
  }
  xmlFreeParserCtxt(w->parser);
  return NULL;
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: decoder-floor THREADS FILES...\n"); return 2; }
  int threads = atoi(argv[1]);
  if (threads < 1 || threads > 64) { fprintf(stderr, "decoder-floor: THREADS must be 1 to 64\n"); return 2; }
  file_count = argc - 2;
  contents = malloc(sizeof(char *) * file_count);
  sizes = malloc(sizeof(size_t) * file_count);
  for (int i = 0; i < file_count; i++) {
    FILE *f = fopen(argv[i + 2], "rb");
    if (!f) { perror(argv[i + 2]); return 1; }
    fseek(f, 0, SEEK_END); sizes[i] = ftell(f); fseek(f, 0, SEEK_SET);
    contents[i] = malloc(sizes[i] + 1);
    if (fread(contents[i], 1, sizes[i], f) != sizes[i]) { perror(argv[i + 2]); return 1; }
    fclose(f);
  }
  for (int i = 0; i < 1000; i++) code_table[i] = i * 7 % 251;
  build_table();
  build_kinds();
  xmlInitParser();
  memset(&handler, 0, sizeof handler);
  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = start;
  handler.endElementNs = end;
  handler.characters = characters;
  worker *workers = calloc(threads, sizeof(worker));
  pthread_t *ids = malloc(sizeof(pthread_t) * threads);
  struct timespec begin, finish;
  clock_gettime(CLOCK_MONOTONIC, &begin);
  for (int t = 0; t < threads; t++) pthread_create(&ids[t], NULL, run, &workers[t]);
  long declarations = 0, lines = 0; uint64_t checksum = 0;
  for (int t = 0; t < threads; t++) {
    pthread_join(ids[t], NULL);
    declarations += workers[t].declarations; lines += workers[t].lines; checksum += workers[t].checksum;
  }
  clock_gettime(CLOCK_MONOTONIC, &finish);
  double seconds = (finish.tv_sec - begin.tv_sec) + (finish.tv_nsec - begin.tv_nsec) / 1e9;
  printf("seconds=%.3f declarations=%ld lines=%ld checksum=%llu\n", seconds, declarations, lines,
         (unsigned long long)checksum);
  return 0;
}
