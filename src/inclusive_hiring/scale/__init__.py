"""Run the lint over millions of postings on a cluster (optional extra: ``pip install ".[dask]"``).

:mod:`.records` is the per-partition work, plain Python with no Dask import; :mod:`.dask` maps it
over Dask bags and dataframes. docs/performance.md ("Scale-out with Dask") has the figures and the
plan for 100M postings.
"""
