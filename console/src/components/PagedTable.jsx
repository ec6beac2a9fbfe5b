import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

/** The row a table shows when a loaded list is empty, so that "nothing" never looks like "still loading". */
export function EmptyRow({ columns, children }) {
  return (
    <TableRow>
      <TableCell colSpan={columns}><Typography color="text.secondary">{children}</Typography></TableCell>
    </TableRow>
  );
}

/**
 * A table of one page of an `{items, total}` answer with the API's page and size: `headers` name the
 * columns, `children` are the rows, `empty` shows when the loaded page has none.
 */
export default function PagedTable({ label, headers, answer, empty, page, size, onPage, onSize, children }) {
  return (
    <Paper>
      <TableContainer>
        <Table aria-label={label}>
          <TableHead>
            <TableRow>{headers.map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
          </TableHead>
          <TableBody>
            {children}
            {answer && answer.items.length === 0 && <EmptyRow columns={headers.length}>{empty}</EmptyRow>}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination component="div" count={answer?.total || 0} page={page} rowsPerPage={size}
        onPageChange={(e, next) => onPage(next)} rowsPerPageOptions={[10, 20, 50, 100]}
        onRowsPerPageChange={(e) => { onSize(Number(e.target.value)); onPage(0); }} />
    </Paper>
  );
}
